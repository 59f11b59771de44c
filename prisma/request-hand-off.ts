// The reads of a hand-off: a request nobody in the roster fits goes to staff (the status change itself is
// jobs/lifecycle/hand-off.ts).
import { type Db, directSql } from "./client.ts";

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
