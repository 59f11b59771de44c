// The offer-timeout queue: an offer nobody answers is reminded once halfway, then passed to the next
// candidate when time is up (the work itself is jobs/lifecycle/offer-timeout.ts).
import { openOffers } from "../prisma/due-work.ts";
import type { JobDefinition, QueueModule } from "./job-system.ts";
import { offerTimeoutStep } from "./lifecycle/offer-timeout.ts";
import {
  type OfferTimeoutPayload,
  offerTimeoutJobId,
  offerTimeoutQueue,
  scheduleOfferTimeout,
} from "./lifecycle/queues.ts";
import type { Services } from "./services.ts";

export { type OfferTimeoutPayload, offerTimeoutQueue, scheduleOfferTimeout };

declare module "../core/ports.ts" {
  interface Jobs {
    "offer-timeout": OfferTimeoutPayload;
  }
}

export function handleOfferTimeout(services: Services, payload: OfferTimeoutPayload): Promise<string> {
  return offerTimeoutStep(services, payload);
}

export function offerTimeoutJob(services: Services): JobDefinition<OfferTimeoutPayload> {
  return { queue: offerTimeoutQueue, concurrency: 2, process: (payload) => handleOfferTimeout(services, payload) };
}

/** Registry entry (jobs/registry.ts): every open offer gets its next step back (reminder, or expiry once reminded). */
export const offerTimeout: QueueModule<"offer-timeout"> = {
  jobId: offerTimeoutJobId,
  workers: ({ services }) => [offerTimeoutJob(services)],
  resume: async ({ services }) => {
    for (const { id, offeredAt, remindedAt, offers } of await openOffers(services.db)) {
      const hours = services.config.OFFER_TIMEOUT_HOURS;
      await scheduleOfferTimeout(services.enqueue, hours, id, offeredAt ?? new Date(), !!remindedAt, offers);
    }
  },
};
