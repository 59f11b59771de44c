// Every queue of the bot in one list: start-up runs their workers and their recovery from it, and the
// typed enqueue takes each job's id from its queue's own rule. A new queue is a jobs/<queue>.ts that
// adds its payload to `Jobs` (core/ports.ts) and exports a QueueModule, plus one line in each table here.

import type { Enqueue, Jobs, QueueName } from "../core/ports.ts";
import { deliver } from "./deliver.ts";
import { digest } from "./digest/digest-job.ts";
import { draftExpiry } from "./draft-expiry.ts";
import { followUp } from "./follow-up.ts";
import type { AddJob, JobRuntime, JobSystem, QueueModule } from "./job-system.ts";
import { match } from "./match.ts";
import { offer } from "./offer.ts";
import { offerTimeout } from "./offer-timeout.ts";
import { rosterImport } from "./roster-import.ts";

/** One job-id rule per entry of `Jobs`: the compiler refuses a queue without one. */
const jobIds: { [Q in QueueName]: (payload: Jobs[Q]) => string } = {
  "deliver-terminal": deliver.jobId,
  "deliver-wechat": deliver.jobId,
  "deliver-lark": deliver.jobId,
  match: match.jobId,
  offer: offer.jobId,
  "offer-timeout": offerTimeout.jobId,
  "follow-up": followUp.jobId,
  "draft-expiry": draftExpiry.jobId,
  digest: digest.jobId,
  "roster-import": rosterImport.jobId,
};

/**
 * Every queue, in the order recovery runs: outbound messages first (they are already late), then
 * orphaned offers back to the candidates before open requests and offers are scheduled again.
 */
// biome-ignore lint/suspicious/noExplicitAny: a list of modules of different payloads; each is checked where it is declared
export const queueModules: readonly QueueModule<any>[] = [
  digest,
  deliver,
  offer,
  match,
  draftExpiry,
  offerTimeout,
  followUp,
  rosterImport,
];

/** The id a job of `queue` with `payload` gets. */
export function jobIdOf<Q extends QueueName>(queue: Q, payload: Jobs[Q]): string {
  const rule: (payload: Jobs[Q]) => string = jobIds[queue];
  return rule(payload);
}

/** The typed enqueue over a job system's `add`: the payload is checked by queue, the id is the queue's rule. */
export function typedEnqueue(add: AddJob): Enqueue {
  return (queue, payload, options = {}) =>
    add(queue, payload as object, { jobId: jobIdOf(queue, payload), delayMs: options.delayMs });
}

/** Starts the workers of every queue in this process. */
export function startWorkers(jobs: JobSystem, runtime: JobRuntime): void {
  for (const module of queueModules) for (const worker of module.workers(runtime)) jobs.startWorker(worker);
}

/**
 * Re-enqueues from the database whatever was due when the process last stopped, or when Redis came
 * back empty. Job ids follow the database state, so several processes resuming at once queue each once.
 */
export async function resumeDueWork(runtime: JobRuntime): Promise<void> {
  for (const module of queueModules) await module.resume?.(runtime);
}
