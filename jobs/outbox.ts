// The one outbound path: every message the bot sends is an outbox row (unique key) plus a deliver
// job, so retries, rate limits and idempotency live in one place.

import type { Platform } from "../core/config.ts";
import type { OutgoingMessage, Target } from "../core/messages.ts";
import type { Enqueue } from "../core/ports.ts";
import { type Db, directSql } from "../prisma/client.ts";
import { newId, sqlDate } from "../prisma/direct-sql.ts";

export interface OutboundRequest {
  /** Idempotency key: sending the same key twice sends once. */
  key: string;
  target: Target;
  message: OutgoingMessage;
  /** The person the message is meant for (cards: who may press the buttons). */
  personId?: string | null;
}

export type Send = (request: OutboundRequest) => Promise<void>;

/** Name of the deliver queue of a platform: the process that owns the platform session runs it. */
export function deliverQueue<P extends Platform>(platform: P): `deliver-${P}` {
  return `deliver-${platform}`;
}

/** Creates the outbox writer used by handlers and jobs. */
export function createOutbox(db: Db, enqueue: Enqueue): Send {
  return async ({ key, target, message, personId }) => {
    // Plain SQL (prisma/direct-sql.ts): every message the bot sends passes here.
    const row = await directSql(db).write((sql) => {
      sql.run(
        `INSERT INTO OutboundMessage (id, key, platform, targetKind, targetId, personId, kind, payload, status,
           attempts, createdAt)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?) ON CONFLICT (key) DO NOTHING`,
        newId(),
        key,
        target.platform,
        target.kind,
        target.id,
        personId ?? null,
        message.kind,
        JSON.stringify(message),
        sqlDate(new Date()),
      );
      // An existing key (a retried job, another worker first) is that row, whatever this call carried.
      const stored = sql.get<{ id: string; platform: Platform; status: string }>(
        "SELECT id, platform, status FROM OutboundMessage WHERE key = ?",
        key,
      );
      if (!stored) throw new Error(`outbox row ${key} not stored`);
      return stored;
    });
    if (row.status === "sent") return;
    await enqueue(deliverQueue(row.platform), { outboxId: row.id });
  };
}
