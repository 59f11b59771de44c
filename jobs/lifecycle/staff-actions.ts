// Staff step in on a request: assign an expert of their choice, re-run matching, close it. Each
// returns what happened; the handler words it.

import { monthStart } from "../../core/calendar.ts";
import {
  closedRequestStatuses,
  finishedRequestStatuses,
  holdingMatchStatuses,
  inSet,
  openRequestStatuses,
  unusedMatchStatuses,
} from "../../core/statuses.ts";
import { acceptedMatchesFor } from "../../prisma/accepted-matches.ts";
import {
  assignableExpert,
  assignCandidate,
  cappedOffersSince,
  matchesOf,
  personOfExpert,
  requestForOffer,
  transitionMatch,
} from "../../prisma/matches.ts";
import { type StoredRequest, transitionRequest } from "../../prisma/requests.ts";
import { type Services, sendToPerson } from "../services.ts";
import { rolesOf } from "./offer-card.ts";
import { offerTo } from "./offer-next.ts";
import { enqueueMatch, enqueueOfferNext } from "./queues.ts";
import { withdrawOpenOffers } from "./withdraw.ts";

/** Why staff may not assign an expert: said back to them. */
export type AssignRefusal = "paused" | "capped" | "remote_only" | "unreachable";

export type AssignOutcome =
  | { kind: "closed" }
  | { kind: "expert_not_found" }
  | { kind: "refused"; reason: AssignRefusal; expert: string }
  | { kind: "assigned"; expert: string };

/**
 * Staff may assign or re-match an open request, and an introduced one too: the expert may not have turned up.
 * Closed, cancelled and expired requests are over.
 */
function staffMayStepIn(request: StoredRequest): boolean {
  return request.status === "introduced" || !inSet(finishedRequestStatuses, request.status);
}

/**
 * Staff assign or re-match an introduced one-expert request: the expert who accepted no longer holds it, and is
 * told so. A team request keeps its experts (staff replace one role with /assign).
 */
async function releaseIntroduced(services: Services, request: StoredRequest, actor: string): Promise<void> {
  if (request.status !== "introduced" || request.teamSize > 1) return;
  for (const match of await acceptedMatchesFor(services.db, request.id)) {
    const released = await transitionMatch(services.db, {
      id: match.id,
      requestId: request.id,
      from: ["accepted"],
      to: "withdrawn",
      event: { actor, type: "withdrawn", detail: { expert: match.expertName } },
    });
    const person = released ? await personOfExpert(services.db, match.expertId) : null;
    if (!person) continue;
    await sendToPerson(services, {
      personId: person.id,
      key: `released-${match.id}`,
      compose: (t) => ({ kind: "text", text: t("intro.released", { code: request.code }) }),
    });
  }
}

/**
 * Offers the request to exactly the expert staff named (`who`: roster id or name), with a fresh card,
 * or refuses and says why. In a two-expert team the expert takes the role that has nobody yet; for a
 * one-expert request the open offer of anyone else is withdrawn.
 */
export async function assignExpert(
  services: Services,
  request: StoredRequest,
  who: string,
  actor: string,
): Promise<AssignOutcome> {
  const { db, config } = services;
  if (!staffMayStepIn(request)) return { kind: "closed" };
  const expert = who ? await assignableExpert(db, who) : null;
  if (!expert) return { kind: "expert_not_found" };
  const refuse = (reason: AssignRefusal): AssignOutcome => ({ kind: "refused", reason, expert: expert.name });
  if (expert.paused) return refuse("paused");
  if (request.mode === "onsite" && !expert.canOnsite) return refuse("remote_only");
  const matches = await matchesOf(db, request.id);
  const own = matches.find((match) => match.expertId === expert.id);
  // The offer the expert holds now is asked again, so it does not count twice against the cap.
  const holding = own?.status === "offered" ? 1 : 0;
  if (cappedOffersSince(db, expert.id, monthStart(new Date())) - holding >= config.MONTHLY_OFFER_CAP) {
    return refuse("capped");
  }
  await releaseIntroduced(services, request, actor);
  const roles = rolesOf({ teamSize: request.teamSize, matches: await matchesOf(db, request.id) });
  const free = roles.find(
    (role) => !matches.some((match) => match.role === role && inSet(holdingMatchStatuses, match.status)),
  );
  const role = request.teamSize > 1 ? (own?.role ?? free ?? roles[0] ?? null) : null;
  if (role === null) await withdrawOpenOffers(services, request, actor, { quietly: expert.id });
  else if (own?.status === "offered")
    await withdrawOpenOffers(services, request, actor, { quietly: expert.id, only: expert.id });
  await assignCandidate(db, {
    requestId: request.id,
    expertId: expert.id,
    role,
    assignedBy: actor,
    event: { actor, type: "assigned", detail: { expert: expert.name } },
  });
  const stored = requestForOffer(db, request.id);
  const match = stored?.matches.find((candidate) => candidate.expertId === expert.id);
  if (!stored || !match) return { kind: "closed" };
  const made = await offerTo(services, stored, match, role);
  if (made === "unreachable") {
    // Nobody holds the request now: the ranker's candidates carry on.
    await enqueueOfferNext(services.enqueue, request.id, `assign-${match.id}-${Date.now()}`);
    return refuse("unreachable");
  }
  return { kind: "assigned", expert: expert.name };
}

/** Withdraws the open offer, drops unused candidates and ranks again; "closed" when it has finished. */
export async function rematchRequest(
  services: Services,
  request: StoredRequest,
  actor: string,
): Promise<"rematching" | "closed"> {
  if (!staffMayStepIn(request)) return "closed";
  await withdrawOpenOffers(services, request, actor);
  await releaseIntroduced(services, request, actor);
  const reopened = await transitionRequest(services.db, {
    id: request.id,
    from: [...openRequestStatuses, "introduced"],
    to: "open",
    set: { waitReason: null },
    event: { actor, type: "rematch" },
    dropMatches: unusedMatchStatuses,
  });
  if (!reopened) return "closed";
  await enqueueMatch(services.enqueue, request.id, `rematch-${Date.now()}`);
  return "rematching";
}

/** Closes a request for good (an introduced one too); "closed" when it already was. */
export async function closeRequest(
  services: Services,
  request: StoredRequest,
  actor: string,
): Promise<"closing" | "closed"> {
  if (inSet(closedRequestStatuses, request.status)) return "closed";
  await withdrawOpenOffers(services, request, actor);
  const closed = await transitionRequest(services.db, {
    id: request.id,
    from: request.status === "introduced" || request.status === "expired" ? [request.status] : openRequestStatuses,
    to: "closed",
    set: { closedAt: new Date(), waitReason: null },
    event: { actor, type: "closed" },
    dropMatches: ["candidate"],
  });
  return closed ? "closing" : "closed";
}
