// Delivers one outbox row through the platform adapter of this process. A row already sent is
// skipped, so a retried or duplicated job never sends twice.
import { UnrecoverableError } from "bullmq";
import type { Adapter, OutgoingMessage, Target } from "../bot/messages.ts";
import { deliverQueue } from "../bot/outbox.ts";
import type { Db } from "../prisma/client.ts";
import type { JobDefinition } from "./job-system.ts";

export interface DeliverPayload {
  outboxId: string;
}

export function deliverJob(db: Db, adapter: Adapter): JobDefinition<DeliverPayload> {
  return {
    queue: deliverQueue(adapter.platform),
    // One at a time per platform keeps each chat's messages in order.
    concurrency: 1,
    process: async ({ outboxId }, job) => {
      const row = await db.outboundMessage.findUnique({ where: { id: outboxId } });
      if (!row) throw new UnrecoverableError(`outbox row ${outboxId} does not exist`);
      if (row.status === "sent") return "already-sent";
      const target: Target = { platform: adapter.platform, kind: row.targetKind as Target["kind"], id: row.targetId };
      const message = JSON.parse(row.payload) as OutgoingMessage;
      try {
        await adapter.send(target, message, row.key);
      } catch (error) {
        const attempts = row.attempts + 1;
        const last = attempts >= (job.opts.attempts ?? 1);
        await db.outboundMessage.update({
          where: { id: row.id },
          data: { attempts, error: String(error).slice(0, 500), status: last ? "failed" : "pending" },
        });
        throw error;
      }
      await db.outboundMessage.update({
        where: { id: row.id },
        data: { status: "sent", sentAt: new Date(), attempts: row.attempts + 1, error: null },
      });
      return "sent";
    },
  };
}
