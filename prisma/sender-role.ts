// The role a platform sender holds, read without creating anyone: adapters ask it before they spend
// bandwidth on a file only staff may send.
import type { Config } from "../core/config.ts";
import type { Db } from "./client.ts";
import { directSql } from "./client.ts";
import { configuredRole, type Role } from "./people.ts";

const roleByIdentity = `SELECT Person.role AS role FROM Identity JOIN Person ON Person.id = Identity.personId
  WHERE Identity.platform = ? AND Identity.externalId = ?`;

/** The sender's role: the configured one (ADMINS, STAFF) or the stored one; null for someone never seen. */
export function senderRole(db: Db, config: Config, platform: string, senderId: string): Role | null {
  const configured = configuredRole(config, { platform: platform as never, senderId, senderName: "" });
  if (configured) return configured;
  const row = directSql(db).get<{ role: string }>(roleByIdentity, platform, senderId);
  return (row?.role as Role | undefined) ?? null;
}
