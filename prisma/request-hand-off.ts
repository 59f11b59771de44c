// The writes and reads of a hand-off: a request nobody in the roster fits goes to staff.
import { type Db, directSql } from "./client.ts";
import { builder, prepared } from "./sql/builder.ts";
import { newId, sqlDate } from "./sql/values.ts";

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
  return directSql(db).write(async (tx) => {
    const now = sqlDate(new Date());
    const changed = await tx.execute(
      builder
        .updateTable("HelpRequest")
        .set({ status: "unmatched", waitReason: "no_fit", updatedAt: now })
        .where("id", "=", requestId)
        .where("status", "!=", "unmatched"),
    );
    if (changed.changes === 0) return null;
    await tx.execute(
      builder.insertInto("RequestEvent").values({
        id: newId(),
        requestId,
        actor: "system",
        type: "unmatched",
        detail: JSON.stringify({ reason: "no_fit", partial }),
        createdAt: now,
      }),
    );
    return (
      (await tx.first(
        builder.selectFrom("HelpRequest").select(["code", "text", "chatId", "locale"]).where("id", "=", requestId),
      )) ?? null
    );
  });
}

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
