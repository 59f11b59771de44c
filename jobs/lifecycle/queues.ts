// The queues the lifecycle feeds, and the one rule for each of their job ids and outbox keys. A leaf
// file: the queue files (jobs/match.ts, jobs/offer.ts, …) and the lifecycle both import it, never
// each other.
import type { Enqueue } from "../../core/ports.ts";

export const matchQueue = "match";
export const offerQueue = "offer";
export const offerTimeoutQueue = "offer-timeout";
export const draftExpiryQueue = "draft-expiry";
export const followUpQueue = "follow-up";

/**
 * Why the next candidate is asked. Each cause names the event that ended the previous step, so the
 * same event enqueues once however often it is handled, and a new event is never swallowed.
 * - `after-<matchId>-<attempt>`: that offer was declined, expired or withdrawn from its expert
 * - `assign-<matchId>-<ms>`: staff assigned an expert
 * - `repair-<ms>`: recovery handed back offers a dead worker had claimed
 * - `erased-<matchId>`: the expert holding the offer was erased
 */
export type OfferNextCause =
  | `after-${string}-${number}`
  | `assign-${string}-${number}`
  | `repair-${number}`
  | `erased-${string}`;

/** The job id of "offer the next candidate" for a request (the offer queue's rule). */
export function offerNextJobId(requestId: number, cause: string): string {
  return `offer-${requestId}-${cause}`;
}

export function enqueueOfferNext(enqueue: Enqueue, requestId: number, cause: OfferNextCause): Promise<void> {
  return enqueue("offer", { requestId, run: cause });
}

/** Queues a match run; `run` makes the job id unique per run so a re-match is never swallowed. */
export function enqueueMatch(enqueue: Enqueue, requestId: number, run: string): Promise<void> {
  return enqueue("match", { requestId, run });
}

/** What is sent about one offer attempt. */
export type OfferMessage = "offer" | "remind" | "expired" | "withdrawn";

/**
 * The outbox key of a message about an offer attempt. The first attempt keeps the plain
 * `<kind>-<matchId>`; a later one (staff asked the same expert again) gets its own key, so it is sent.
 */
export function offerMessageKey(kind: OfferMessage, matchId: string, attempt: number): string {
  return attempt <= 1 ? `${kind}-${matchId}` : `${kind}-${matchId}-${attempt}`;
}

export interface OfferTimeoutPayload {
  matchId: string;
  step: "remind" | "expire";
  /** The offer attempt the step belongs to; a step of an earlier attempt does nothing. */
  attempt?: number;
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
  attempt = 1,
): Promise<void> {
  const timeoutMs = timeoutHours * 3600 * 1000;
  const elapsed = Date.now() - offeredAt.getTime();
  const step = reminded ? "expire" : "remind";
  const dueMs = reminded ? timeoutMs : timeoutMs / 2;
  const payload: OfferTimeoutPayload = attempt > 1 ? { matchId, step, attempt } : { matchId, step };
  await enqueue("offer-timeout", payload, { delayMs: Math.max(0, dueMs - elapsed) });
}

/** The job id of an offer attempt's reminder or expiry (the offer-timeout queue's rule). */
export function offerTimeoutJobId({ matchId, step, attempt = 1 }: OfferTimeoutPayload): string {
  return attempt > 1 ? `${step}-${matchId}-${attempt}` : `${step}-${matchId}`;
}

/** Expires a draft whose question nobody answered, once its time is up. */
export function scheduleDraftExpiry(enqueue: Enqueue, requestId: number, delayMs: number): Promise<void> {
  return enqueue("draft-expiry", { requestId }, { delayMs });
}

export async function scheduleFollowUp(enqueue: Enqueue, matchId: string, at: Date): Promise<void> {
  await enqueue("follow-up", { matchId }, { delayMs: Math.max(0, at.getTime() - Date.now()) });
}
