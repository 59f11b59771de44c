// What the queues must have again after a restart or a Redis that came back empty: the database
// rows that stand for work still due. Each queue's `resume` (jobs/<queue>.ts) reads its part here.

import type { Db } from "./client.ts";

/** Outbox rows not yet sent on these platforms. */
export function pendingOutbox(db: Db, platforms: readonly string[]) {
  return db.outboundMessage.findMany({
    where: { status: "pending", platform: { in: [...platforms] } },
    select: { id: true, platform: true },
  });
}

/** Requests waiting for a match run to finish. */
export function requestsToMatch(db: Db) {
  return db.helpRequest.findMany({
    where: { status: { in: ["open", "matching"] } },
    select: { id: true, updatedAt: true },
  });
}

/** Drafts waiting for an answer to the bot's question. */
export function openDrafts(db: Db) {
  return db.helpRequest.findMany({ where: { status: "draft" }, select: { id: true, createdAt: true } });
}

/** Offers nobody has answered yet. */
export function openOffers(db: Db) {
  return db.match.findMany({ where: { status: "offered" }, select: { id: true, offeredAt: true, remindedAt: true } });
}

/** Introductions whose follow-up question has not been asked. */
export function introductionsToFollowUp(db: Db) {
  return db.match.findMany({
    where: { status: "accepted", followedUpAt: null, outcome: null },
    select: { id: true, introducedAt: true, request: { select: { windowEnd: true } } },
  });
}
