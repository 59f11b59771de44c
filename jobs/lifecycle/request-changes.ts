// A request is registered, completed, corrected, cancelled or left to expire as a draft. Each function
// changes the request and writes its timeline row together; the handler words the replies.
import type { MatchStatus, RequestStatus } from "../../core/statuses.ts";
import { openRequestStatuses, unusedMatchStatuses } from "../../core/statuses.ts";
import { dropUnusedCandidates } from "../../prisma/matches.ts";
import {
  countEvents,
  findRequest,
  insertRequest,
  type NewRequest,
  type RequestChanges,
  type StoredRequest,
  transitionRequest,
} from "../../prisma/requests.ts";
import { type Services, sendToChat, translate } from "../services.ts";
import { keepOffer, type OfferToKeep } from "./keep-offer.ts";
import { enqueueMatch, scheduleDraftExpiry } from "./queues.ts";
import { withdrawOpenOffers } from "./withdraw.ts";

/** Stores a new request (a draft when a question must be asked first). */
export function registerRequest(services: Services, request: NewRequest): Promise<{ id: number; code: string }> {
  return insertRequest(services.db, request);
}

/** After the reply to a new request: match it, or wait for the answer to the question until it expires. */
export async function afterRegistering(services: Services, id: number, draft: boolean): Promise<void> {
  if (draft) {
    await scheduleDraftExpiry(services.enqueue, id, services.config.DRAFT_TIMEOUT_MINUTES * 60 * 1000);
  } else {
    await startMatching(services, id, "new");
  }
}

/** Queues a match run; `run` makes the job id unique per run so a re-match is never swallowed. */
export function startMatching(services: Services, requestId: number, run: string): Promise<void> {
  return enqueueMatch(services.enqueue, requestId, run);
}

/**
 * A draft's question answered: the fields are stored, and the draft becomes an open request, or stays
 * a draft that now asks for the city. Returns the request as stored, or null when it is no draft any more.
 */
export async function completeDraft(
  services: Services,
  request: { id: number; actor: string; changes: RequestChanges; stillMissing: "city" | null },
): Promise<StoredRequest | null> {
  const done = await transitionRequest(services.db, {
    id: request.id,
    from: ["draft"],
    to: request.stillMissing ? "draft" : "open",
    set: request.stillMissing ? request.changes : { ...request.changes, waitReason: null, confirmedAt: new Date() },
    event: { actor: request.actor, type: "updated" },
    question: request.stillMissing ? { topic: request.stillMissing } : "drop",
  });
  return done ? findRequest(services.db, request.id) : null;
}

/** After the reply to a completed draft: match it. */
export function afterCompletingDraft(services: Services, id: number): Promise<void> {
  return startMatching(services, id, "answered");
}

/**
 * The enterprise corrects its request. A draft stays a draft; anything else opens again. Returns the
 * request as stored, or null when it finished meanwhile.
 */
export async function correctRequest(
  services: Services,
  request: { id: number; status: RequestStatus; actor: string; changes: RequestChanges; detail: unknown },
): Promise<StoredRequest | null> {
  const draft = request.status === "draft";
  const done = await transitionRequest(services.db, {
    id: request.id,
    from: [request.status],
    to: draft ? "draft" : "open",
    set: request.changes,
    event: { actor: request.actor, type: "updated", detail: request.detail },
  });
  return done ? findRequest(services.db, request.id) : null;
}

/**
 * After the reply to a correction: the expert being asked keeps the offer when they still fit (`keep`, from
 * offerToKeep in jobs/lifecycle/keep-offer.ts); otherwise the open offer is withdrawn and matching starts afresh.
 */
export async function afterCorrecting(
  services: Services,
  request: StoredRequest,
  actor: string,
  keep: OfferToKeep | null = null,
): Promise<void> {
  if (request.status === "draft") return;
  if (keep && (await keepOffer(services, request, keep))) return;
  await resetMatching(services, request, actor);
  const runs = await countEvents(services.db, request.id, "updated");
  await startMatching(services, request.id, `update-${runs}`);
}

/** Withdraws the open offer and drops unused candidates, so that matching starts afresh. */
export async function resetMatching(
  services: Services,
  request: { id: number; code: string },
  actor: string,
  unused: readonly MatchStatus[] = unusedMatchStatuses,
): Promise<void> {
  await withdrawOpenOffers(services, request, actor);
  await dropUnusedCandidates(services.db, request.id, unused);
}

/** The enterprise cancels its request; false when it had finished meanwhile. */
export async function cancelRequest(
  services: Services,
  request: { id: number; code: string },
  actor: string,
): Promise<boolean> {
  await resetMatching(services, request, actor);
  return transitionRequest(services.db, {
    id: request.id,
    from: openRequestStatuses,
    to: "cancelled",
    set: { closedAt: new Date(), waitReason: null },
    event: { actor, type: "cancelled" },
    question: "drop",
  });
}

/** A draft whose question nobody answered expires politely, so nothing waits forever. */
export async function expireDraft(services: Services, requestId: number): Promise<string> {
  const expired = await transitionRequest(services.db, {
    id: requestId,
    from: ["draft"],
    to: "expired",
    set: { closedAt: new Date(), waitReason: null },
    event: { actor: "system", type: "expired_draft" },
    question: "drop",
  });
  if (!expired) return "answered";
  const request = await findRequest(services.db, requestId);
  if (!request) return "gone";
  const t = translate(services, request.locale === "en" ? "en" : "zh-CN");
  await sendToChat(services, {
    chatId: request.chatId,
    key: `draft-expired-${requestId}`,
    message: { kind: "text", text: t("intake.draft_expired", { code: request.code }) },
  });
  return "expired";
}
