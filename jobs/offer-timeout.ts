// The offer-timeout queue: an offer nobody answers is reminded once halfway, then passed to the next
// candidate when time is up (the work itself is jobs/lifecycle/offer-timeout.ts).
import type { JobDefinition } from "./job-system.ts";
import { offerTimeoutStep } from "./lifecycle/offer-timeout.ts";
import { type OfferTimeoutPayload, offerTimeoutQueue, scheduleOfferTimeout } from "./lifecycle/queues.ts";
import type { Services } from "./services.ts";

export { type OfferTimeoutPayload, offerTimeoutQueue, scheduleOfferTimeout };

export function handleOfferTimeout(services: Services, payload: OfferTimeoutPayload): Promise<string> {
  return offerTimeoutStep(services, payload);
}

export function offerTimeoutJob(services: Services): JobDefinition<OfferTimeoutPayload> {
  return { queue: offerTimeoutQueue, concurrency: 2, process: (payload) => handleOfferTimeout(services, payload) };
}
