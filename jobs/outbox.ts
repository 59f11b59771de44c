// The one outbound path: every message the bot sends is an outbox row (unique key) plus a deliver
// job, so retries, rate limits and idempotency live in one place.

import type { Platform } from "../core/config.ts";
import type { OutgoingMessage, Target } from "../core/messages.ts";
import type { Enqueue } from "../core/ports.ts";
import type { Db } from "../prisma/client.ts";
import { storeOutbound } from "../prisma/outbox-repository.ts";

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
    const row = await storeOutbound(db, { key, target, message, personId });
    if (row.status === "sent") return;
    await enqueue(deliverQueue(row.platform), { outboxId: row.id });
  };
}
