// What the parties said after an introduction: the outcome, the rating and their words, kept on the match
// and in the request's timeline (jobs/lifecycle/feedback.ts decides whether the request closes).
import { matchStatus, requestStatus } from "../core/statuses.ts";
import type { Db } from "./client.ts";
import type { MatchWithParties } from "./matches.ts";
import type { TimelineEntry } from "./requests.ts";

/**
 * The latest accepted introduction a person took part in (as the requester, or as the expert
 * `expertId`), only for the request `code` when given.
 */
export async function latestIntroduction(
  db: Db,
  who: { personId: string; expertId: string | null; code: string | null },
): Promise<MatchWithParties | null> {
  const mine = who.expertId
    ? { OR: [{ expertId: who.expertId }, { request: { requesterId: who.personId } }] }
    : { request: { requesterId: who.personId } };
  const row = await db.match.findFirst({
    where: { status: "accepted", ...mine, ...(who.code ? { request: { code: who.code } } : {}) },
    include: { request: true, expert: true },
    orderBy: { introducedAt: "desc" },
  });
  return (
    row && {
      ...row,
      status: matchStatus(row.status),
      request: { ...row.request, status: requestStatus(row.request.status) },
    }
  );
}

/**
 * Stores feedback on a match and its timeline row; `close` closes the request too, all in one transaction.
 */
export async function storeFeedback(
  db: Db,
  feedback: {
    matchId: string;
    requestId: number;
    set: { outcome?: string; rating?: number; feedback: string };
    event: TimelineEntry;
    close: boolean;
  },
): Promise<void> {
  const { matchId, requestId, set, event, close } = feedback;
  await db.$transaction([
    db.match.update({ where: { id: matchId }, data: set }),
    db.requestEvent.create({
      data: { requestId, actor: event.actor, type: event.type, detail: JSON.stringify(event.detail) },
    }),
    ...(close
      ? [db.helpRequest.update({ where: { id: requestId }, data: { status: "closed", closedAt: new Date() } })]
      : []),
  ]);
}
