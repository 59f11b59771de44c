// The one outbound path: every message the bot sends is an outbox row (unique key) plus a deliver
// job, so retries, rate limits and idempotency live in one place.
import type { Enqueue } from "../jobs/job-system.ts";
import type { Db } from "../prisma/client.ts";
import type { OutgoingMessage, Target } from "./messages.ts";

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
export function deliverQueue(platform: string): string {
  return `deliver-${platform}`;
}

/** Creates the outbox writer used by handlers and jobs. */
export function createOutbox(db: Db, enqueue: Enqueue): Send {
  return async ({ key, target, message, personId }) => {
    const existing = await db.outboundMessage.findUnique({ where: { key } });
    const row =
      existing ??
      (await db.outboundMessage
        .create({
          data: {
            key,
            platform: target.platform,
            targetKind: target.kind,
            targetId: target.id,
            personId: personId ?? null,
            kind: message.kind,
            payload: JSON.stringify(message),
          },
        })
        // Another worker wrote the same key first: that row is the one to deliver.
        .catch(async () => db.outboundMessage.findUniqueOrThrow({ where: { key } })));
    if (row.status === "sent") return;
    await enqueue(deliverQueue(row.platform), { outboxId: row.id }, { jobId: `out-${row.id}` });
  };
}
