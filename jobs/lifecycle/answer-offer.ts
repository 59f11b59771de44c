// An expert answers an offer: accept introduces both sides, decline passes the request to the next
// candidate at once, later keeps it open. Returns what happened; the handler words it.
import type { OfferAnswer } from "../../core/understanding/types.ts";
import { findMatch, transitionMatch } from "../../prisma/matches.ts";
import { addEvent } from "../../prisma/requests.ts";
import type { Services } from "../services.ts";
import { introduce } from "./introduce.ts";
import { enqueueOfferNext } from "./queues.ts";

export type AnswerOutcome =
  | { kind: "no_offer" }
  | { kind: "not_yours" }
  | { kind: "already_answered" | "expired" | "closed"; code: string }
  | { kind: "accepted"; code: string }
  /** The offer stays open until `deadline`; `remindAt` when the expert is still to be reminded once. */
  | { kind: "later"; code: string; deadline: Date; remindAt: Date | null }
  | { kind: "declined"; code: string; requestId: number; attempt: number };

/**
 * Applies `answer` from the expert `expertId` (spoken by `personId`) to the offer `matchId`. `tell`
 * words the outcome to the expert; it runs before what follows (the next offer, the introduction), so
 * the expert hears their answer first.
 */
export async function answerOffer(
  services: Services,
  answer: { matchId: string; expertId: string | null; personId: string; answer: OfferAnswer },
  tell: (outcome: AnswerOutcome) => Promise<void>,
): Promise<void> {
  const outcome = await applyAnswer(services, answer);
  await tell(outcome);
  if (outcome.kind === "declined") {
    await enqueueOfferNext(services.enqueue, outcome.requestId, `after-${answer.matchId}-${outcome.attempt}`);
  }
  if (outcome.kind === "accepted") await introduce(services, answer.matchId);
}

async function applyAnswer(
  services: Services,
  answer: { matchId: string; expertId: string | null; personId: string; answer: OfferAnswer },
): Promise<AnswerOutcome> {
  const { db } = services;
  const match = await findMatch(db, answer.matchId);
  if (!match) return { kind: "no_offer" };
  const code = match.request.code;
  if (match.expertId !== answer.expertId) return { kind: "not_yours" };
  if (match.status !== "offered") {
    if (match.status === "accepted" || match.status === "declined") return { kind: "already_answered", code };
    return { kind: match.status === "expired" ? "expired" : "closed", code };
  }
  const event = { actor: answer.personId, detail: { expert: match.expert.name } };
  if (answer.answer === "later") {
    await addEvent(db, match.requestId, { ...event, type: "later" });
    // The deadline and reminder the offer-timeout queue already holds (jobs/lifecycle/offer-timeout.ts).
    const timeoutMs = services.config.OFFER_TIMEOUT_HOURS * 3600 * 1000;
    const offeredAt = (match.offeredAt ?? new Date()).getTime();
    const deadline = new Date(offeredAt + timeoutMs);
    const remindAt = match.remindedAt ? null : new Date(Math.max(Date.now(), offeredAt + timeoutMs / 2));
    return { kind: "later", code, deadline, remindAt };
  }
  const now = new Date();
  const accepted = answer.answer === "accept";
  const changed = await transitionMatch(db, {
    id: match.id,
    requestId: match.requestId,
    from: ["offered"],
    to: accepted ? "accepted" : "declined",
    set: { respondedAt: now, introducedAt: accepted ? now : null },
    event: { ...event, type: accepted ? "accepted" : "declined" },
    ...(accepted ? {} : { request: { to: "matching", set: { waitReason: null } } }),
  });
  if (!changed) return { kind: "already_answered", code };
  if (!accepted) return { kind: "declined", code, requestId: match.requestId, attempt: match.offers };
  return { kind: "accepted", code };
}
