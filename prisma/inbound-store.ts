// Events kept before the platform is answered: a 200 to Lark means the event is in the database. The
// row is the same InboundMessage row the dispatcher dedupes on, in status `stored` with the event as it
// arrived; the dispatcher claims it (`stored` -> `received`) when it starts handling the message. Rows
// a dead process left `stored` or `received` are handed back to the adapter to be handled again.
import type { Db } from "./client.ts";
import { directSql } from "./client.ts";
import { newId, sqlDate } from "./direct-sql.ts";

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
  const inserted = await directSql(db).write((sql) =>
    sql.run(
      `INSERT INTO InboundMessage (id, platform, messageId, chatId, senderId, status, receivedAt, payload)
       VALUES (?, ?, ?, ?, ?, 'stored', ?, ?) ON CONFLICT (platform, messageId) DO NOTHING`,
      newId(),
      entry.platform,
      entry.messageId,
      entry.chatId,
      entry.senderId,
      sqlDate(new Date()),
      entry.payload,
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
  return directSql(db).write((sql) => {
    const rows = sql.all<{ id: string; messageId: string; payload: string }>(
      `SELECT id, messageId, payload FROM InboundMessage
       WHERE platform = ? AND status IN ('stored', 'received') AND payload IS NOT NULL AND receivedAt < ?
       ORDER BY receivedAt LIMIT ?`,
      platform,
      sqlDate(before),
      limit,
    );
    for (const row of rows) sql.run("UPDATE InboundMessage SET status = 'stored' WHERE id = ?", row.id);
    return rows.map(({ messageId, payload }) => ({ messageId, payload }));
  });
}
