// Delivers one outbox row through the platform adapter of this process. A row already sent is
// skipped, so a retried or duplicated job never sends twice. A platform that rate-limits is waited
// out as long as it asks, without spending an attempt; a platform that fails or hangs is retried
// with backoff, and after the last attempt the row is marked failed and handed to `onFailed`.
import { DelayedError, type Job, UnrecoverableError } from "bullmq";
import type { Platform } from "../core/config.ts";
import { KeyedSerial } from "../core/keyed-serial.ts";
import type { Adapter, OutgoingMessage, Target } from "../core/messages.ts";
import type { Db } from "../prisma/client.ts";
import { pendingOutbox } from "../prisma/due-work.ts";
import {
  markOutboundError,
  markOutboundSent,
  type OutboundMessage,
  outboundTarget,
  outboundToSend,
} from "../prisma/outbox-repository.ts";
import { noticeFailedDelivery } from "./failed-delivery-notice.ts";
import type { JobDefinition, QueueModule } from "./job-system.ts";
import { deliverQueue } from "./outbox.ts";

export interface DeliverPayload {
  outboxId: string;
}

/** One deliver queue per platform: the process that owns the platform session runs it. */
export type DeliverQueue = `deliver-${Platform}`;

declare module "../core/ports.ts" {
  interface Jobs extends Record<DeliverQueue, DeliverPayload> {}
}

export interface DeliverOptions {
  /** A send that has not answered after this long counts as failed (the platform's idempotency key makes a retry safe). */
  sendTimeoutMs?: number;
  /** Called once a row is marked failed, so that someone is told (staff). */
  onFailed?: (row: OutboundMessage) => Promise<void>;
}

/** The wait a platform asked for (an adapter's rate-limit error carries `retryAfterMs`), or null. */
export function retryAfterMs(error: unknown): number | null {
  const wait = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  return typeof wait === "number" && Number.isFinite(wait) && wait >= 0 ? wait : null;
}

/** Whether the platform refused the send for a reason no retry changes (an adapter's error says `permanent`). */
export function refusedForGood(error: unknown): boolean {
  return (error as { permanent?: unknown } | null)?.permanent === true;
}

async function withTimeout<T>(work: Promise<T>, ms: number | undefined): Promise<T> {
  if (!ms) return work;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`send timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends to different chats side by side; to one chat, strictly one after the other in the order the
 * jobs were queued (the platform's own pacing, e.g. WeChat's gap per room, then holds back only that chat).
 */
export const deliverConcurrency = 8;

export function deliverJob(db: Db, adapter: Adapter, options: DeliverOptions = {}): JobDefinition<DeliverPayload> {
  const perTarget = new KeyedSerial();
  let lookups: Promise<unknown> = Promise.resolve();
  return {
    queue: deliverQueue(adapter.platform),
    concurrency: deliverConcurrency,
    // Targets are looked up one after another, so that jobs enter their chat's line in the order BullMQ
    // started them (a database may answer two look-ups out of order).
    process: ({ outboxId }, job, token) => {
      const target = lookups.then(() => outboundTarget(db, outboxId));
      const done = target.then((found) =>
        perTarget.run(
          adapter.oneStream ? "one-stream" : found ? `${found.targetKind}:${found.targetId}` : outboxId,
          () => deliverOne(outboxId, job, token),
        ),
      );
      lookups = target.then(
        () => undefined,
        () => undefined,
      );
      return done;
    },
  };

  async function deliverOne(outboxId: string, job: Job<DeliverPayload>, token: string | undefined): Promise<string> {
    // Read again now that its turn has come: a duplicate job ahead in the line may have sent it meanwhile.
    const row = await outboundToSend(db, outboxId);
    if (!row) throw new UnrecoverableError(`outbox row ${outboxId} does not exist`);
    if (row.status === "sent") return "already-sent";
    const target: Target = { platform: adapter.platform, kind: row.targetKind as Target["kind"], id: row.targetId };
    const message = JSON.parse(row.payload) as OutgoingMessage;
    try {
      await withTimeout(adapter.send(target, message, row.key), options.sendTimeoutMs);
    } catch (error) {
      const wait = retryAfterMs(error);
      if (wait !== null && token) {
        await markOutboundError(db, row.id, String(error));
        await job.moveToDelayed(Date.now() + wait, token);
        throw new DelayedError();
      }
      const attempts = row.attempts + 1;
      const last = refusedForGood(error) || attempts >= (job.opts.attempts ?? 1);
      const updated = await markOutboundError(db, row.id, String(error), {
        attempts,
        status: last ? "failed" : "pending",
      });
      if (!last) throw error;
      await options.onFailed?.(updated);
      throw new UnrecoverableError(error instanceof Error ? error.message : String(error));
    }
    await markOutboundSent(db, row.id, row.attempts + 1);
    return "sent";
  }
}

/** Registry entry (jobs/registry.ts): a worker per adapter of this process; pending rows are queued again. */
export const deliver: QueueModule<DeliverQueue> = {
  jobId: ({ outboxId }) => `out-${outboxId}`,
  workers: ({ services, adapters }) =>
    adapters.map((adapter) =>
      deliverJob(services.db, adapter, {
        sendTimeoutMs: services.config.SEND_TIMEOUT_MS,
        onFailed: (row) => noticeFailedDelivery(services, row),
      }),
    ),
  resume: async ({ services, adapters }) => {
    const platforms = adapters.map((adapter) => adapter.platform);
    for (const row of await pendingOutbox(services.db, platforms))
      await services.enqueue(deliverQueue(row.platform as Platform), { outboxId: row.id });
  },
};
