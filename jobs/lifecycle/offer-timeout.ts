// An offer nobody answers: reminded once halfway, then expired and passed to the next candidate.
import { findMatch, markReminded, personOfExpert, transitionMatch } from "../../prisma/matches.ts";
import { type Services, sendToPerson } from "../services.ts";
import { enqueueOfferNext, type OfferTimeoutPayload, offerMessageKey, scheduleOfferTimeout } from "./queues.ts";

/** Runs the step of an offer's timeout that is due; says what it did. */
export async function offerTimeoutStep(services: Services, payload: OfferTimeoutPayload): Promise<string> {
  const { db } = services;
  const { matchId, step } = payload;
  const match = await findMatch(db, matchId);
  if (match?.status !== "offered") return "answered";
  // A step of an earlier attempt (staff asked the same expert again since) does nothing.
  const attempt = Math.max(1, match.offers);
  if (payload.attempt !== undefined && payload.attempt !== attempt) return "stale";
  const person = await personOfExpert(db, match.expertId);
  const code = match.request.code;
  if (step === "remind") {
    const claimed = await markReminded(db, matchId);
    // The expiry is due whatever happens to the reminder (already sent by another run, nobody to remind).
    await scheduleOfferTimeout(
      services.enqueue,
      services.config.OFFER_TIMEOUT_HOURS,
      matchId,
      match.offeredAt ?? new Date(),
      true,
      attempt,
    );
    if (!claimed || !person) return "already-reminded";
    await sendToPerson(services, {
      personId: person.id,
      key: offerMessageKey("remind", matchId, attempt),
      compose: (t) => ({ kind: "text", text: t("offer.reminder", { code }) }),
    });
    return "reminded";
  }
  const expired = await transitionMatch(db, {
    id: matchId,
    requestId: match.requestId,
    from: ["offered"],
    to: "expired",
    set: { respondedAt: new Date() },
    event: { actor: "system", type: "expired", detail: { expert: match.expert.name } },
    request: { from: ["offered"], to: "matching" },
  });
  if (!expired) return "answered";
  if (person) {
    await sendToPerson(services, {
      personId: person.id,
      key: offerMessageKey("expired", matchId, attempt),
      compose: (t) => ({ kind: "text", text: t("offer.expired", { code }) }),
    });
  }
  await enqueueOfferNext(services.enqueue, match.requestId, `after-${matchId}-${attempt}`);
  return "expired";
}
