// The writes and reads of a hand-off: a request nobody in the roster fits goes to staff.
import { type Db, directSql } from "./client.ts";
import { newId, sqlDate } from "./direct-sql.ts";

export interface HandedOffRequest {
  code: string;
  text: string;
  chatId: string;
  locale: string | null;
}

/**
 * Marks the request unmatched (wait reason `no_fit`) with its timeline row; null when it was unmatched
 * already or is gone, so that a retried job tells nobody twice.
 */
export async function markHandedOff(db: Db, requestId: number, partial: number): Promise<HandedOffRequest | null> {
  const sql = directSql(db);
  return sql.write((tx) => {
    const now = sqlDate(new Date());
    const changed = tx.run(
      "UPDATE HelpRequest SET status = 'unmatched', waitReason = 'no_fit', updatedAt = ? WHERE id = ? AND status != 'unmatched'",
      now,
      requestId,
    );
    if (changed.changes === 0) return null;
    tx.run(
      "INSERT INTO RequestEvent (id, requestId, actor, type, detail, createdAt) VALUES (?, ?, 'system', 'unmatched', ?, ?)",
      newId(),
      requestId,
      JSON.stringify({ reason: "no_fit", partial }),
      now,
    );
    return (
      tx.get<HandedOffRequest>("SELECT code, text, chatId, locale FROM HelpRequest WHERE id = ?", requestId) ?? null
    );
  });
}

/** Person ids of staff and admins, who get every hand-off. */
export function staffPersonIds(db: Db): string[] {
  return directSql(db)
    .all<{ id: string }>("SELECT id FROM Person WHERE role IN ('staff', 'admin') ORDER BY createdAt")
    .map((row) => row.id);
}

/** A request's code, for a note to staff. */
export function requestCode(db: Db, requestId: number): string | null {
  return directSql(db).get<{ code: string }>("SELECT code FROM HelpRequest WHERE id = ?", requestId)?.code ?? null;
}
