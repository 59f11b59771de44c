// Which files an adapter downloads: only roster files (CSV, XLSX) from staff and admins, the only files
// the bot reads. Anyone else's file is handed on by name alone, never fetched (a group of ten sharing
// 19 MB files would otherwise cost the bot 190 MB).
import path from "node:path";
import type { Config } from "../../core/config.ts";
import type { Db } from "../../prisma/client.ts";
import { senderRole } from "../../prisma/sender-role.ts";

/** True when the file is worth downloading. */
export type WantsFile = (senderId: string, fileName: string) => Promise<boolean>;

const rosterExtensions = new Set([".csv", ".xlsx"]);

/** Staff's and admins' roster files only; nothing before the database is open. */
export function staffRosterFiles(db: () => Db | undefined, config: Config, platform: string): WantsFile {
  return async (senderId, fileName) => {
    const client = db();
    if (!client || !rosterExtensions.has(path.extname(fileName).toLowerCase())) return false;
    const role = await senderRole(client, config, platform, senderId);
    return role === "staff" || role === "admin";
  };
}
