// Staff step in on a request: assign an expert of their choice, re-run matching, close it. Each
// returns what happened; the handler words it.

import { jsonList } from "../../core/json-list.ts";
import { requestSkills } from "../../core/request-format.ts";
import {
  closedRequestStatuses,
  finishedRequestStatuses,
  holdingMatchStatuses,
  inSet,
  openRequestStatuses,
  unusedMatchStatuses,
} from "../../core/statuses.ts";
import { extractSkills, skillByKey } from "../../core/understanding/skills.ts";
import { acceptedMatchesFor } from "../../prisma/accepted-matches.ts";
import {
  assignableExpert,
  assignCandidate,
  matchesOf,
  personOfExpert,
  requestForOffer,
  transitionMatch,
} from "../../prisma/matches.ts";
import { type StoredRequest, transitionRequest } from "../../prisma/requests.ts";
import { type Services, sendToPerson } from "../services.ts";
import { coveredSkills } from "../team-roles.ts";
import { type AssignRefusal, whyNotAsk } from "./may-ask-expert.ts";
import { rolesOf } from "./offer-card.ts";
import { offerTo } from "./offer-next.ts";
import { enqueueMatch, enqueueOfferNext } from "./queues.ts";
import { withdrawOpenOffers } from "./withdraw.ts";

export type { AssignRefusal };

export type AssignOutcome =
  | { kind: "closed" }
  | { kind: "expert_not_found" }
  /** `pausedUntil`: when a pause that refused the expert ends, if it has an end. */
  | { kind: "refused"; reason: AssignRefusal; expert: string; pausedUntil: Date | null }
  /** Staff named a role the request does not have; `roles` are the skill keys it has. */
  | { kind: "unknown_role"; roles: string[] }
  /** `role`: the skill key the expert takes in a team, null for a one-expert request. */
  | { kind: "assigned"; expert: string; role: string | null };

/**
 * The roles of a team request: the two skills it was planned for (a role nobody in the roster covered has
 * no candidate yet, and is exactly the one staff fill), and any role a candidate holds.
 */
function teamRoles(request: StoredRequest, matches: { role: string | null }[]): string[] {
  const planned = requestSkills(request)
    .slice(0, 2)
    .map((skill) => skill.key);
  return [...new Set([...planned, ...rolesOf({ teamSize: 2, matches }).filter((role) => role !== null)])];
}

/** The role staff named (PLC, PLC编程, plc programming), among the request's roles. */
function namedRole(text: string, roles: readonly string[]): string | null {
  const folded = text.trim().toLowerCase();
  const byLabel = roles.find((key) => {
    const skill = skillByKey(key);
    return skill !== undefined && [skill.zh, skill.en, key].some((label) => label.toLowerCase() === folded);
  });
  return byLabel ?? extractSkills(text).find((skill) => roles.includes(skill.key))?.key ?? null;
}

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
 * or refuses and says why. A paused expert is refused: the pause is their own word, and staff hear it.
 * In a two-expert team the expert takes the role staff name (`roleText`), else the one they hold an offer for,
 * else a role nobody holds (one their profile covers first): that is how staff fill a role the roster could not.
 * For a one-expert request the open offer of anyone else is withdrawn.
 */
export async function assignExpert(
  services: Services,
  request: StoredRequest,
  who: string,
  actor: string,
  roleText = "",
): Promise<AssignOutcome> {
  const { db } = services;
  if (!staffMayStepIn(request)) return { kind: "closed" };
  const expert = who ? await assignableExpert(db, who) : null;
  if (!expert) return { kind: "expert_not_found" };
  const refuse = (reason: AssignRefusal): AssignOutcome => ({
    kind: "refused",
    reason,
    expert: expert.name,
    pausedUntil: expert.pausedUntil,
  });
  const refusal = await whyNotAsk(services, request, expert);
  if (refusal) return refuse(refusal);
  const matches = await matchesOf(db, request.id);
  const own = matches.find((match) => match.expertId === expert.id);
  await releaseIntroduced(services, request, actor);
  const roles = request.teamSize > 1 ? teamRoles(request, matches) : [];
  const named = roleText.trim() === "" ? null : namedRole(roleText, roles);
  if (roleText.trim() !== "" && named === null) return { kind: "unknown_role", roles };
  const holder = (role: string) =>
    matches.find(
      (match) => match.role === role && match.expertId !== expert.id && inSet(holdingMatchStatuses, match.status),
    );
  const free = roles.filter((role) => !holder(role));
  const covered = coveredSkills(jsonList(expert.skills), free);
  // A role the expert holds an offer for stays theirs; otherwise the role nobody holds, as plain /assign fills it.
  const heldRole = own && inSet(holdingMatchStatuses, own.status) ? own.role : null;
  const role =
    request.teamSize > 1 ? (named ?? heldRole ?? covered[0] ?? free[0] ?? own?.role ?? roles[0] ?? null) : null;
  if (role === null) await withdrawOpenOffers(services, request, actor, { quietly: expert.id });
  else {
    if (own?.status === "offered")
      await withdrawOpenOffers(services, request, actor, { quietly: expert.id, only: expert.id });
    // Staff chose who takes this role: an unanswered offer of it to someone else is withdrawn.
    const other = holder(role);
    if (other?.status === "offered") await withdrawOpenOffers(services, request, actor, { only: other.expertId });
  }
  await assignCandidate(db, {
    requestId: request.id,
    expertId: expert.id,
    role,
    assignedBy: actor,
    event: { actor, type: "assigned", detail: { expert: expert.name } },
  });
  const stored = await requestForOffer(db, request.id);
  const match = stored?.matches.find((candidate) => candidate.expertId === expert.id);
  if (!stored || !match) return { kind: "closed" };
  const made = await offerTo(services, stored, match, role);
  if (made === "unreachable") {
    // Nobody holds the request now: the ranker's candidates carry on.
    await enqueueOfferNext(services.enqueue, request.id, `assign-${match.id}-${Date.now()}`);
    return refuse("unreachable");
  }
  return { kind: "assigned", expert: expert.name, role };
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
