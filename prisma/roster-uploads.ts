// Roster files staff sent in a chat (RosterUpload): one row per platform message, from `pending` through
// `importing` to `done` or `failed`, with the import's outcome as JSON in `result`.
import type { Db } from "./client.ts";
import type { RosterUpload } from "./generated/client.ts";

export type { RosterUpload };

/** The upload a platform message already made, if it was handled before. */
export function uploadOfMessage(db: Db, platform: string, messageId: string): Promise<RosterUpload | null> {
  return db.rosterUpload.findUnique({ where: { platform_messageId: { platform, messageId } } });
}

export function createRosterUpload(
  db: Db,
  upload: Pick<RosterUpload, "platform" | "messageId" | "chatId" | "personId" | "fileName" | "path" | "locale">,
): Promise<RosterUpload> {
  return db.rosterUpload.create({ data: upload });
}

export function findRosterUpload(db: Db, id: string): Promise<RosterUpload | null> {
  return db.rosterUpload.findUnique({ where: { id } });
}

/** Uploads waiting for an import or left `importing` by a process that died. */
export function unfinishedRosterUploads(db: Db): Promise<Pick<RosterUpload, "id" | "status" | "result">[]> {
  return db.rosterUpload.findMany({
    where: { status: { in: ["pending", "importing"] } },
    select: { id: true, status: true, result: true },
  });
}

/** An import run starts: the upload is `importing`, with the count of runs so far. */
export async function markRosterImporting(db: Db, id: string, runs: number): Promise<void> {
  await db.rosterUpload.update({ where: { id }, data: { status: "importing", result: JSON.stringify({ runs }) } });
}

/** An import run ended: its status and outcome are stored. Returns the upload as stored. */
export function finishRosterUpload(
  db: Db,
  id: string,
  finished: { status: "done" | "failed"; result: string },
): Promise<RosterUpload> {
  return db.rosterUpload.update({ where: { id }, data: { ...finished, finishedAt: new Date() } });
}
