// The offer queue: offer a request to its next candidate (the work itself is jobs/lifecycle/offer-next.ts).
import type { JobDefinition } from "./job-system.ts";
import { renderReasons, rolesOf, skillLabel } from "./lifecycle/offer-card.ts";
import { offerNext } from "./lifecycle/offer-next.ts";
import { offerQueue } from "./lifecycle/queues.ts";
import type { Services } from "./services.ts";

export { offerNext, offerQueue, renderReasons, rolesOf, skillLabel };

export interface OfferPayload {
  requestId: number;
}

export function offerJob(services: Services): JobDefinition<OfferPayload> {
  return {
    queue: offerQueue,
    concurrency: 2,
    process: async ({ requestId }) => offerNext(services, requestId),
  };
}
