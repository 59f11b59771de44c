// An offer nobody answers: reminded once halfway, then passed to the next candidate when time is up.

import type { Enqueue } from "../core/ports.ts";
import { openOffers } from "../prisma/due-work.ts";
import type { JobDefinition, QueueModule } from "./job-system.ts";
import { type Services, sendToPerson } from "./services.ts";

export const offerTimeoutQueue = "offer-timeout";

export interface OfferTimeoutPayload {
  matchId: string;
  step: "remind" | "expire";
}

declare module "../core/ports.ts" {
  interface Jobs {
    "offer-timeout": OfferTimeoutPayload;
  }
}

/**
 * Schedules the next step of an offer made at `offeredAt`: the reminder halfway, or once it has been
 * reminded, the expiry. One delayed job at a time: the reminder schedules the expiry when it runs.
 */
export async function scheduleOfferTimeout(
  enqueue: Enqueue,
  timeoutHours: number,
  matchId: string,
  offeredAt: Date,
  reminded = false,
): Promise<void> {
  const timeoutMs = timeoutHours * 3600 * 1000;
  const elapsed = Date.now() - offeredAt.getTime();
  const step = reminded ? "expire" : "remind";
  const dueMs = reminded ? timeoutMs : timeoutMs / 2;
  await enqueue("offer-timeout", { matchId, step }, { delayMs: Math.max(0, dueMs - elapsed) });
}

export async function handleOfferTimeout(services: Services, { matchId, step }: OfferTimeoutPayload): Promise<string> {
  const { db } = services;
  const match = await db.match.findUnique({ where: { id: matchId }, include: { request: true, expert: true } });
  if (match?.status !== "offered") return "answered";
  const person = await db.person.findUnique({ where: { expertId: match.expertId } });
  const code = match.request.code;
  if (step === "remind") {
    const claimed = await db.match.updateMany({
      where: { id: matchId, remindedAt: null },
      data: { remindedAt: new Date() },
    });
    // The expiry is due whatever happens to the reminder (already sent by another run, nobody to remind).
    await scheduleOfferTimeout(
      services.enqueue,
      services.config.OFFER_TIMEOUT_HOURS,
      matchId,
      match.offeredAt ?? new Date(),
      true,
    );
    if (claimed.count === 0 || !person) return "already-reminded";
    await sendToPerson(services, {
      personId: person.id,
      key: `remind-${matchId}`,
      compose: (t) => ({ kind: "text", text: t("offer.reminder", { code }) }),
    });
    return "reminded";
  }
  const expired = await db.match.updateMany({
    where: { id: matchId, status: "offered" },
    data: { status: "expired", respondedAt: new Date() },
  });
  if (expired.count === 0) return "answered";
  await db.requestEvent.create({
    data: {
      requestId: match.requestId,
      actor: "system",
      type: "expired",
      detail: JSON.stringify({ expert: match.expert.name }),
    },
  });
  await db.helpRequest.updateMany({ where: { id: match.requestId, status: "offered" }, data: { status: "matching" } });
  if (person) {
    await sendToPerson(services, {
      personId: person.id,
      key: `expired-${matchId}`,
      compose: (t) => ({ kind: "text", text: t("offer.expired", { code }) }),
    });
  }
  const step_ = await db.match.count({ where: { requestId: match.requestId, status: { not: "candidate" } } });
  await services.enqueue("offer", { requestId: match.requestId, run: String(step_) });
  return "expired";
}

export function offerTimeoutJob(services: Services): JobDefinition<OfferTimeoutPayload> {
  return { queue: offerTimeoutQueue, concurrency: 2, process: (payload) => handleOfferTimeout(services, payload) };
}

/** Registry entry (jobs/registry.ts): every open offer gets its next step back (reminder, or expiry once reminded). */
export const offerTimeout: QueueModule<"offer-timeout"> = {
  jobId: ({ matchId, step }) => `${step}-${matchId}`,
  workers: ({ services }) => [offerTimeoutJob(services)],
  resume: async ({ services }) => {
    for (const { id, offeredAt, remindedAt } of await openOffers(services.db)) {
      const hours = services.config.OFFER_TIMEOUT_HOURS;
      await scheduleOfferTimeout(services.enqueue, hours, id, offeredAt ?? new Date(), !!remindedAt);
    }
  },
};
