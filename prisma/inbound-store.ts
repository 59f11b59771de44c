// Events kept before the platform is answered: a 200 to Lark means the event is in the database. The
// row is the same InboundMessage row the dispatcher dedupes on, in status `stored` with the event as it
// arrived; the dispatcher claims it (`stored` -> `received`) when it starts handling the message. Rows
// a dead process left `stored` or `received` are handed back to the adapter to be handled again.
import type { Db } from "./client.ts";
import { directSql } from "./client.ts";
import { insertInbound } from "./inbound-repository.ts";
import { builder } from "./sql/builder.ts";
import { newId, sqlDate } from "./sql/values.ts";

export interface InboundEntry {
  platform: string;
  messageId: string;
  chatId: string;
  senderId: string;
  /** The platform's event, serialised. */
  payload: string;
}

/** Stores an event before it is acknowledged; false when it was stored before (a duplicate). */
export async function keepInbound(db: Db, entry: InboundEntry): Promise<boolean> {
  const inserted = await directSql(db).write((tx) =>
    tx.execute(
      insertInbound(
        newId(),
        entry.platform,
        entry.messageId,
        entry.chatId,
        entry.senderId,
        "stored",
        sqlDate(new Date()),
        entry.payload,
      ),
    ),
  );
  return inserted.changes === 1;
}

/**
 * Events of `platform` stored before `before` and never finished (the process handling them died),
 * oldest first. Each is set back to `stored`, so the dispatcher claims it again.
 */
export async function unfinishedInbound(
  db: Db,
  platform: string,
  before: Date,
  limit = 500,
): Promise<{ messageId: string; payload: string }[]> {
  return directSql(db).write(async (tx) => {
    const rows = await tx.many(
      builder
        .selectFrom("InboundMessage")
        .select(["id", "messageId", "payload"])
        .where("platform", "=", platform)
        .where("status", "in", ["stored", "received"])
        .where("payload", "is not", null)
        .where("receivedAt", "<", sqlDate(before))
        .orderBy("receivedAt")
        .limit(limit),
    );
    const ids = rows.map((row) => row.id);
    if (ids.length > 0) {
      await tx.execute(builder.updateTable("InboundMessage").set({ status: "stored" }).where("id", "in", ids));
    }
    return rows.map(({ messageId, payload }) => ({ messageId, payload: payload ?? "" }));
  });
}
