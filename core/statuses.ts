// The statuses of a help request and of a match (an expert put forward for a request), and the named
// sets that decide what may happen next. The columns stay strings; repositories in prisma/ parse them
// into these unions, so a misspelt status fails to compile instead of matching nothing at run time.

export const requestStatuses = [
  "draft",
  "open",
  "matching",
  "offered",
  "introduced",
  "unmatched",
  "closed",
  "cancelled",
  "expired",
] as const;
export type RequestStatus = (typeof requestStatuses)[number];

export const matchStatuses = [
  "candidate",
  "offered",
  "accepted",
  "declined",
  "expired",
  "withdrawn",
  "skipped",
] as const;
export type MatchStatus = (typeof matchStatuses)[number];

/** Still needs work from someone: counted as open by /stats, /requests, the digest and the teams overview. */
export const openRequestStatuses: readonly RequestStatus[] = ["draft", "open", "matching", "offered", "unmatched"];
/** Waiting on someone other than the bot: a question, an offer, or staff (nobody left). */
export const waitingRequestStatuses: readonly RequestStatus[] = ["unmatched", "draft", "offered"];
/** Done with: nobody may change, re-match or assign it any more (staff may still close an introduced one). */
export const finishedRequestStatuses: readonly RequestStatus[] = ["introduced", "closed", "cancelled", "expired"];
/** Closed for good, by staff, the enterprise or the follow-up. */
export const closedRequestStatuses: readonly RequestStatus[] = ["closed", "cancelled"];
/** A match run may rank experts for it. */
export const matchableRequestStatuses: readonly RequestStatus[] = ["open", "matching", "unmatched"];
/** An offer may be made for it (a draft has not been confirmed yet). */
export const offerableRequestStatuses: readonly RequestStatus[] = ["open", "matching", "offered", "unmatched"];

/** An expert who holds a role of the request: asked right now, or agreed. */
export const holdingMatchStatuses: readonly MatchStatus[] = ["offered", "accepted"];
/** An expert who answered the offer. */
export const answeredMatchStatuses: readonly MatchStatus[] = ["accepted", "declined"];
/** Staff may still pick them: never asked, passed over, or asked and withdrawn before answering. */
export const assignableMatchStatuses: readonly MatchStatus[] = ["candidate", "skipped", "withdrawn"];
/** Unused candidates, dropped when matching starts afresh. */
export const unusedMatchStatuses: readonly MatchStatus[] = ["candidate", "skipped"];
/**
 * Offers that count against MONTHLY_OFFER_CAP: the expert was asked and the offer was theirs to answer.
 * A withdrawn offer (the request changed) or an expired one (nobody answered in time) does not count.
 */
export const cappedMatchStatuses: readonly MatchStatus[] = ["offered", "accepted", "declined"];

export function isRequestStatus(value: string): value is RequestStatus {
  return (requestStatuses as readonly string[]).includes(value);
}

export function isMatchStatus(value: string): value is MatchStatus {
  return (matchStatuses as readonly string[]).includes(value);
}

/** A stored request status; a value outside the union is a bug in whoever wrote it. */
export function requestStatus(value: string): RequestStatus {
  if (!isRequestStatus(value)) throw new Error(`unknown request status "${value}"`);
  return value;
}

/** A stored match status; a value outside the union is a bug in whoever wrote it. */
export function matchStatus(value: string): MatchStatus {
  if (!isMatchStatus(value)) throw new Error(`unknown match status "${value}"`);
  return value;
}

/** Whether `status` is one of `set`: takes any string so that unparsed rows can be asked too. */
export function inSet<S extends string>(set: readonly S[], status: string): status is S {
  return (set as readonly string[]).includes(status);
}
