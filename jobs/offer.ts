// The offer queue: offer a request to its next candidate (the work itself is jobs/lifecycle/offer-next.ts).
import type { JobDefinition, QueueModule } from "./job-system.ts";
import { renderReasons, rolesOf, skillLabel } from "./lifecycle/offer-card.ts";
import { offerNext } from "./lifecycle/offer-next.ts";
import { offerNextJobId, offerQueue } from "./lifecycle/queues.ts";
import { repairingOrphans, resumeOrphanOffers } from "./orphan-offers.ts";
import type { Services } from "./services.ts";

export { offerNext, offerQueue, renderReasons, rolesOf, skillLabel };

export interface OfferPayload {
  requestId: number;
  /**
   * Which pass over the request: the count of offers made so far after an answer, or "assign-…",
   * "repair-…", "erased-…". Two passes for the same reason share a job id and run once.
   */
  run: string;
}

declare module "../core/ports.ts" {
  interface Jobs {
    offer: OfferPayload;
  }
}

export function offerJob(services: Services): JobDefinition<OfferPayload> {
  return {
    queue: offerQueue,
    concurrency: 2,
    process: async ({ requestId }) => offerNext(services, requestId),
  };
}

/** Registry entry (jobs/registry.ts): recovery hands offers claimed by a dead worker back to the candidates. */
export const offer: QueueModule<"offer"> = {
  jobId: ({ requestId, run }) => offerNextJobId(requestId, run),
  workers: ({ services }) => [repairingOrphans(services, offerJob(services))],
  resume: ({ services }) => resumeOrphanOffers(services, services.config.JOB_LOCK_MS),
};
