// The reads of a hand-off: a request nobody in the roster fits goes to staff (the status change itself is
// jobs/lifecycle/hand-off.ts).
import { type Db, directSql } from "./client.ts";
import { builder, prepared } from "./sql/builder.ts";

/** Person ids of staff and admins, who get every hand-off. */
export async function staffPersonIds(db: Db): Promise<string[]> {
  const staff = await directSql(db).many(
    builder.selectFrom("Person").select("id").where("role", "in", ["staff", "admin"]).orderBy("createdAt"),
  );
  return staff.map((row) => row.id);
}

/** A request's code, for a note to staff. */
export async function requestCode(db: Db, requestId: number): Promise<string | null> {
  const row = await directSql(db).first(requestCodeOf(requestId));
  return row?.code ?? null;
}

const requestCodeOf = prepared((requestId: number) =>
  builder.selectFrom("HelpRequest").select("code").where("id", "=", requestId),
);
