// An offer is claimed in the database (status "offered") a moment before its card is written to the
// outbox. A worker killed in that moment leaves an offer nobody was told about: the request waits on an
// expert who never saw it. Such orphans are handed back to "candidate", and offered again, when the
// job that claimed them runs again (BullMQ hands a dead worker's job to another) or at recovery.

import type { JobDefinition } from "./job-system.ts";
import type { Services } from "./services.ts";

/** The outbox key of an offer card (jobs/offer.ts). */
const offerKey = (matchId: string) => `offer-${matchId}`;

/**
 * Returns orphaned offers (of one request, or all) claimed more than `olderThanMs` ago to candidates.
 * Returns the ids of the requests that had one.
 */
export async function releaseOrphanOffers(
  services: Services,
  options: { requestId?: number; olderThanMs?: number } = {},
): Promise<number[]> {
  const { db } = services;
  const offered = await db.match.findMany({
    where: {
      status: "offered",
      ...(options.requestId === undefined ? {} : { requestId: options.requestId }),
      offeredAt: { lt: new Date(Date.now() - (options.olderThanMs ?? 0)) },
    },
    select: { id: true, requestId: true },
  });
  if (offered.length === 0) return [];
  const written = await db.outboundMessage.findMany({
    where: { key: { in: offered.map((match) => offerKey(match.id)) } },
    select: { key: true },
  });
  const sent = new Set(written.map((row) => row.key));
  const requests = new Set<number>();
  for (const match of offered.filter((candidate) => !sent.has(offerKey(candidate.id)))) {
    const released = await db.match.updateMany({
      where: { id: match.id, status: "offered" },
      data: { status: "candidate", offeredAt: null },
    });
    if (released.count === 0) continue;
    requests.add(match.requestId);
    services.log.warn({ matchId: match.id, requestId: match.requestId }, "Offer claimed by a dead worker handed back");
  }
  return [...requests];
}

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

/** Recovery: hands back orphans older than `olderThanMs` and queues an offer run for their requests. */
export async function resumeOrphanOffers(services: Services, olderThanMs: number): Promise<void> {
  for (const requestId of await releaseOrphanOffers(services, { olderThanMs })) {
    await services.enqueue("offer", { requestId, run: `repair-${Date.now()}` });
  }
}
