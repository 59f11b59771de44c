// An offer is claimed in the database (status "offered") a moment before its card is written to the
// outbox. A worker killed in that moment leaves an offer nobody was told about: the request waits on an
// expert who never saw it. Such orphans are handed back to "candidate", and offered again, when the
// job that claimed them runs again (BullMQ hands a dead worker's job to another) or at recovery.
import { offersWithoutCard, releaseOffer } from "../../prisma/matches.ts";
import type { Services } from "../services.ts";
import { enqueueOfferNext, offerMessageKey } from "./queues.ts";

/**
 * Returns orphaned offers (of one request, or all) claimed more than `olderThanMs` ago to candidates.
 * Returns the ids of the requests that had one.
 */
export async function releaseOrphanOffers(
  services: Services,
  options: { requestId?: number; olderThanMs?: number } = {},
): Promise<number[]> {
  const orphans = await offersWithoutCard(services.db, {
    ...(options.requestId === undefined ? {} : { requestId: options.requestId }),
    before: new Date(Date.now() - (options.olderThanMs ?? 0)),
    cardKey: (matchId, attempt) => offerMessageKey("offer", matchId, attempt),
  });
  const requests = new Set<number>();
  for (const match of orphans) {
    if (!(await releaseOffer(services.db, match.id))) continue;
    requests.add(match.requestId);
    services.log.warn({ matchId: match.id, requestId: match.requestId }, "Offer claimed by a dead worker handed back");
  }
  return [...requests];
}

/** Recovery: hands back orphans older than `olderThanMs` and queues an offer run for their requests. */
export async function resumeOrphanOffers(services: Services, olderThanMs: number): Promise<void> {
  for (const requestId of await releaseOrphanOffers(services, { olderThanMs })) {
    await enqueueOfferNext(services.enqueue, requestId, `repair-${Date.now()}`);
  }
}
