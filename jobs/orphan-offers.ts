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
      if (job.stalledCounter > 0) {
        // The dead run's claim is at least half a lock old by the time its job is handed on (the lock is
        // renewed every half lock); a younger claim belongs to a live run (recovery's repair job) that
        // is writing its card right now, and must not be handed back under it.
        const olderThanMs = services.config.JOB_LOCK_MS / 2;
        await releaseOrphanOffers(services, { requestId: payload.requestId, olderThanMs });
      } else if (job.attemptsStarted > 1) {
        // The earlier attempt threw: whatever it claimed without a card is an orphan.
        await releaseOrphanOffers(services, { requestId: payload.requestId });
      }
      return definition.process(payload, job, token);
    },
  };
}
