// Offers claimed by a worker that died before writing their card (see jobs/lifecycle/orphan-offers.ts):
// a job that makes offers hands them back when it runs again.
import type { JobDefinition } from "./job-system.ts";
import { releaseOrphanOffers, resumeOrphanOffers } from "./lifecycle/orphan-offers.ts";
import type { Services } from "./services.ts";

export { releaseOrphanOffers, resumeOrphanOffers };

/** Wraps a job that makes offers for `payload.requestId`: a re-run first hands back what the dead run claimed. */
export function repairingOrphans<P extends { requestId: number }>(
  services: Services,
  definition: JobDefinition<P>,
): JobDefinition<P> {
  return {
    ...definition,
    process: async (payload, job, token) => {
      if (job.attemptsStarted > 1 || job.stalledCounter > 0) {
        await releaseOrphanOffers(services, { requestId: payload.requestId });
      }
      return definition.process(payload, job, token);
    },
  };
}
