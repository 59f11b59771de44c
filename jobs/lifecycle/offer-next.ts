// Offer the next candidate, consent first: one open offer per role of a request at a time, to the
// best-ranked expert under their monthly cap who can be reached. When candidates run out the request
// is flagged to staff with the reason.

import { monthStart } from "../../core/calendar.ts";
import { problemExcerpt } from "../../core/request-format.ts";
import { holdingMatchStatuses, inSet, offerableRequestStatuses, type RequestStatus } from "../../core/statuses.ts";
import {
  cappedOffersSince,
  claimOffer,
  matchesOf,
  type OfferCandidate,
  type RequestForOffer,
  requestForOffer,
  skipCandidate,
} from "../../prisma/matches.ts";
import { personIdForExpert } from "../../prisma/people.ts";
import { findRequest, recordOfferMade, staffToAlert, transitionRequest } from "../../prisma/requests.ts";
import { type Services, sendToChat, sendToPerson, translate } from "../services.ts";
import { offerCard, rolesOf } from "./offer-card.ts";
import { offerMessageKey, scheduleOfferTimeout } from "./queues.ts";

/**
 * Makes the next offer for a request — for each role of a two-expert team that has neither an
 * accepted expert nor an open offer — and flags the request to staff when a role has nobody left.
 */
export async function offerNext(services: Services, requestId: number): Promise<void> {
  const request = await requestForOffer(services.db, requestId);
  if (!request || !inSet(offerableRequestStatuses, request.status)) return;
  let exhausted = false;
  for (const role of rolesOf(request)) {
    const inRole = request.matches.filter((match) => request.teamSize <= 1 || match.role === role);
    if (inRole.some((match) => inSet(holdingMatchStatuses, match.status))) continue;
    if (!(await offerToNextCandidate(services, request, inRole, role))) exhausted = true;
  }
  if (exhausted) await flagUnmatched(services, request.id);
}

/** Why an expert cannot be asked now; null when they can. */
export type Unaskable = "paused" | "inactive" | "capped";

/** Whether a candidate can be asked: active, not paused, and (for the ranker's picks) under the monthly cap. */
export async function unaskable(
  services: Services,
  match: OfferCandidate,
  checkCap: boolean,
): Promise<Unaskable | null> {
  if (!match.expert.active) return "inactive";
  if (match.expert.paused) return "paused";
  if (!checkCap) return null;
  const offers = await cappedOffersSince(services.db, match.expertId, monthStart(new Date()));
  return offers >= services.config.MONTHLY_OFFER_CAP ? "capped" : null;
}

/** Offers to the best remaining candidate of `candidates`; false when none could be offered. */
async function offerToNextCandidate(
  services: Services,
  request: RequestForOffer,
  candidates: OfferCandidate[],
  role: string | null,
): Promise<boolean> {
  for (const match of candidates.filter((candidate) => candidate.status === "candidate")) {
    // Staff assignments were checked when staff made them; the ranker's picks respect the cap.
    if (await unaskable(services, match, match.assignedBy === "system")) {
      await skipCandidate(services.db, match.id);
      continue;
    }
    const made = await offerTo(services, request, match, role);
    if (made === "unreachable") continue;
    return true;
  }
  return false;
}

/**
 * Asks one candidate: claims the match, writes the card (a fresh outbox key per attempt), schedules the
 * reminder and records the offer on the request. "taken" when another run claimed it first.
 */
export async function offerTo(
  services: Services,
  request: RequestForOffer,
  match: OfferCandidate,
  role: string | null,
): Promise<"offered" | "taken" | "unreachable"> {
  const { db, config } = services;
  // Claim the candidate first so that two workers never offer the same request twice.
  const claim = await claimOffer(db, match.id);
  if (!claim) return "taken";
  const personId = await personIdForExpert(db, match.expert.id, match.expert.name);
  const reached = await sendToPerson(services, {
    personId,
    key: offerMessageKey("offer", match.id, claim.attempt),
    compose: (t, locale) => offerCard(t, locale, request, match, role),
  });
  if (!reached) {
    await skipCandidate(db, match.id);
    return "unreachable";
  }
  await scheduleOfferTimeout(
    services.enqueue,
    config.OFFER_TIMEOUT_HOURS,
    match.id,
    claim.offeredAt,
    false,
    claim.attempt,
  );
  await recordOfferMade(db, request.id, { actor: "system", type: "offered", detail: { expert: match.expert.name } });
  return "offered";
}

/** No expert is left: tell the enterprise, and every staff member, once per round. */
async function flagUnmatched(services: Services, requestId: number): Promise<void> {
  const { db } = services;
  const request = await findRequest(db, requestId);
  if (!request) return;
  const round = (await matchesOf(db, requestId)).length;
  const reason = round === 0 ? "no_candidate" : "all_declined";
  const unmatched: RequestStatus = "unmatched";
  const flagged = await transitionRequest(db, {
    id: requestId,
    from: offerableRequestStatuses.filter((status) => status !== unmatched),
    to: unmatched,
    set: { waitReason: reason },
    event: { actor: "system", type: "unmatched", detail: { reason } },
  });
  if (!flagged) return;
  const t = translate(services, request.locale === "en" ? "en" : "zh-CN");
  await sendToChat(services, {
    chatId: request.chatId,
    key: `unmatched-${requestId}-${round}`,
    message: { kind: "text", text: t("intake.no_match", { code: request.code }) },
  });
  for (const member of await staffToAlert(db)) {
    await sendToPerson(services, {
      personId: member.id,
      key: `unmatched-${requestId}-${round}-${member.id}`,
      compose: (st) => ({
        kind: "text",
        text: st("staff.unmatched", {
          code: request.code,
          reason: st(`reason_none.${reason}`),
          text: problemExcerpt(request.text),
        }),
      }),
    });
  }
}
