// The ports the floors above plug into: how work is queued. The queue names and their payloads are
// declared by the queue files themselves (jobs/<queue>.ts adds its entry to `Jobs`), so the ground
// floor names no queue and `enqueue("match", payload)` still checks the payload.

/**
 * Queue name -> payload, one entry per queue, added by each jobs/<queue>.ts with
 * `declare module "../core/ports.ts" { interface Jobs { name: Payload } }`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging from every queue file
export interface Jobs {}

export type QueueName = keyof Jobs & string;

export interface EnqueueOptions {
  delayMs?: number;
}

/**
 * Queues a job. The job id is the queue's own rule (`jobId(payload)` in jobs/<queue>.ts): a job with the
 * same id that still exists is not added again. Payloads carry ids, never SDK objects.
 */
export type Enqueue = <Q extends QueueName>(queue: Q, payload: Jobs[Q], options?: EnqueueOptions) => Promise<void>;
