// Matches (an expert put forward for a request: candidate, offer, answer) and the offers' outbox look-ups:
// every read and write of the Match table. Rows leave here with their status parsed into MatchStatus.
// The statements of the offer path are typed plain SQL (prisma/sql/).
import { pausedAt } from "../core/expert-pause.ts";
import {
  cappedMatchStatuses,
  type MatchStatus,
  matchStatus,
  type RequestStatus,
  requestStatus,
} from "../core/statuses.ts";
import { type Db, directSql } from "./client.ts";
import type { Enterprise, Expert, HelpRequest, Match, Person } from "./generated/client.ts";
import { insertEvent, type RequestChanges, type TimelineEntry, updateWhere } from "./requests.ts";
import { builder, prepared } from "./sql/builder.ts";
import { fromSqlDate, sqlBool, sqlDate } from "./sql/values.ts";

export type StoredMatch = Omit<Match, "status"> & { status: MatchStatus };
type StoredRequest = Omit<HelpRequest, "status"> & { status: RequestStatus };

function parsed<R extends { status: string }>(row: R): Omit<R, "status"> & { status: MatchStatus } {
  return { ...row, status: matchStatus(row.status) };
}

export interface MatchWithParties extends StoredMatch {
  expert: Expert;
  request: StoredRequest;
}

export async function findMatch(db: Db, id: string): Promise<MatchWithParties | null> {
  const row = await db.match.findUnique({ where: { id }, include: { request: true, expert: true } });
  return row && { ...parsed(row), request: { ...row.request, status: requestStatus(row.request.status) } };
}

/** The match of an expert for a request, if the expert was ever considered for it. */
export async function matchOf(db: Db, requestId: number, expertId: string): Promise<StoredMatch | null> {
  const row = await db.match.findUnique({ where: { requestId_expertId: { requestId, expertId } } });
  return row && parsed(row);
}

export async function matchesOf(db: Db, requestId: number): Promise<StoredMatch[]> {
  return (await db.match.findMany({ where: { requestId }, orderBy: { rank: "asc" } })).map(parsed);
}

/** Offers an expert holds right now, newest first, with the request's code. */
export async function openOffersOf(db: Db, expertId: string): Promise<{ id: string; code: string }[]> {
  const offered: MatchStatus = "offered";
  const rows = await db.match.findMany({
    where: { expertId, status: offered },
    select: { id: true, request: { select: { code: true } } },
    orderBy: { offeredAt: "desc" },
  });
  return rows.map((row) => ({ id: row.id, code: row.request.code }));
}

/** Matches of a request in some statuses whose expert is active and not paused, best first. */
export async function reachableMatches(
  db: Db,
  requestId: number,
  statuses: readonly MatchStatus[],
  take: number,
): Promise<(StoredMatch & { expert: Expert })[]> {
  const rows = await db.match.findMany({
    where: {
      requestId,
      status: { in: [...statuses] },
      // Paused means paused with no end or an end still ahead (core/expert-pause.ts).
      expert: { active: true, OR: [{ paused: false }, { pausedUntil: { lte: new Date() } }] },
    },
    orderBy: { rank: "asc" },
    take,
    include: { expert: true },
  });
  return rows.map((row) => ({ ...parsed(row), expert: row.expert }));
}

/** A candidate as the offer path reads it, with the expert's name and whether they can be asked. */
export interface OfferCandidate {
  id: string;
  expertId: string;
  status: MatchStatus;
  role: string | null;
  assignedBy: string;
  reasons: string;
  offers: number;
  expert: { id: string; name: string; paused: boolean; active: boolean };
}

/** A request as the offer path reads it: the fields its card shows and every match, best first. */
export interface RequestForOffer {
  id: number;
  code: string;
  text: string;
  status: RequestStatus;
  skills: string;
  teamKey: string | null;
  city: string | null;
  district: string | null;
  cities: string;
  mode: string;
  windowStart: string | null;
  windowEnd: string | null;
  teamSize: number;
  /** The enterprise's name, else the name of the person who asked. */
  requesterName: string;
  matches: OfferCandidate[];
}

// Every request passes here, often several times: typed plain SQL.
export async function requestForOffer(db: Db, requestId: number): Promise<RequestForOffer | null> {
  const sql = directSql(db);
  const request = await sql.first(requestToOffer(requestId));
  if (!request) return null;
  const rows = await sql.many(candidatesOf(requestId));
  const now = new Date();
  const matches = rows.map(({ name, paused, pausedUntil, active, ...match }) => ({
    ...parsed(match),
    expert: {
      id: match.expertId,
      name,
      paused: pausedAt(paused === 1, pausedUntil === null ? null : fromSqlDate(pausedUntil), now),
      active: active === 1,
    },
  }));
  return { ...request, status: requestStatus(request.status), matches };
}

const requestToOffer = prepared((requestId: number) =>
  builder
    .selectFrom("HelpRequest as r")
    .innerJoin("Person as p", "p.id", "r.requesterId")
    .leftJoin("Enterprise as e", "e.id", "r.enterpriseId")
    .select((eb) => [
      "r.id",
      "r.code",
      "r.text",
      "r.status",
      "r.skills",
      "r.teamKey",
      "r.city",
      "r.district",
      "r.cities",
      "r.mode",
      "r.windowStart",
      "r.windowEnd",
      "r.teamSize",
      eb.fn.coalesce("e.name", "p.displayName").as("requesterName"),
    ])
    .where("r.id", "=", requestId),
);

const candidatesOf = prepared((requestId: number) =>
  builder
    .selectFrom("Match as m")
    .innerJoin("Expert as x", "x.id", "m.expertId")
    .select([
      "m.id",
      "m.expertId",
      "m.status",
      "m.role",
      "m.assignedBy",
      "m.reasons",
      "m.offers",
      "x.name",
      "x.paused",
      "x.pausedUntil",
      "x.active",
    ])
    .where("m.requestId", "=", requestId)
    .orderBy("m.rank", "asc"),
);

/** Offers made to an expert since `since` that count against the monthly cap. */
export async function cappedOffersSince(db: Db, expertId: string, since: Date): Promise<number> {
  const row = await directSql(db).first(
    builder
      .selectFrom("Match")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("expertId", "=", expertId)
      .where("offeredAt", ">=", sqlDate(since))
      .where("status", "in", [...cappedMatchStatuses]),
  );
  return Number(row?.n ?? 0);
}

/** Passes over a candidate (paused, capped, unreachable). */
export function skipCandidate(db: Db, matchId: string): Promise<void> {
  const skipped: MatchStatus = "skipped";
  return directSql(db).write(async (tx) => {
    await tx.execute(
      builder
        .updateTable("Match")
        .set({ status: skipped, offeredAt: null, updatedAt: sqlDate(new Date()) })
        .where("id", "=", matchId),
    );
  });
}

/**
 * Claims a candidate for an offer, so that two workers never offer the same request twice. Returns the
 * attempt (1 for the first time this expert is asked for this request) and its time, or null when another
 * run claimed it first.
 */
export function claimOffer(db: Db, matchId: string): Promise<{ attempt: number; offeredAt: Date } | null> {
  const offered: MatchStatus = "offered";
  const candidate: MatchStatus = "candidate";
  return directSql(db).write(async (tx) => {
    const at = new Date();
    const now = sqlDate(at);
    // One statement: the status check and the claim are atomic on either database.
    const claimed = await tx.first(
      builder
        .updateTable("Match")
        .set((eb) => ({
          status: offered,
          offeredAt: now,
          offers: eb("offers", "+", 1),
          remindedAt: null,
          respondedAt: null,
          updatedAt: now,
        }))
        .where("id", "=", matchId)
        .where("status", "=", candidate)
        .returning("offers"),
    );
    if (!claimed) return null;
    return { attempt: Number(claimed.offers), offeredAt: at };
  });
}

/** Marks an offer reminded; false when it already was (another run reminded). */
export async function markReminded(db: Db, matchId: string): Promise<boolean> {
  const claimed = await db.match.updateMany({
    where: { id: matchId, remindedAt: null },
    data: { remindedAt: new Date() },
  });
  return claimed.count > 0;
}

/** Columns a match transition may set besides the status. */
export type MatchChanges = Partial<
  Pick<Match, "offeredAt" | "respondedAt" | "introducedAt" | "remindedAt" | "assignedBy" | "rank">
>;

/**
 * Moves a match to `to` (only from one of `from`), writes the request's timeline row and, when given,
 * moves the request too (only from `request.from`, when given), in one transaction. Returns false when
 * the match was not in `from`: someone else moved it first.
 */
export function transitionMatch(
  db: Db,
  change: {
    id: string;
    requestId: number;
    from: readonly MatchStatus[];
    to: MatchStatus;
    set?: MatchChanges;
    event?: TimelineEntry;
    request?: { from?: readonly RequestStatus[]; to: RequestStatus; set?: RequestChanges };
  },
): Promise<boolean> {
  // One transaction on the plain-SQL connection (see transitionRequest).
  return directSql(db).write(async (tx) => {
    const now = sqlDate(new Date());
    const moved = await updateWhere(tx, "Match", change.id, change.from, { ...change.set, status: change.to }, now);
    if (!moved) return false;
    if (change.event) await insertEvent(tx, change.requestId, change.event, now);
    if (change.request) {
      const { from, to, set } = change.request;
      await updateWhere(tx, "HelpRequest", change.requestId, from, { ...set, status: to }, now);
    }
    return true;
  });
}

/**
 * Puts an expert forward for a request by hand (staff): a candidate ranked first, whatever it was
 * before; the request goes back to `matching`, with its timeline row.
 */
export async function assignCandidate(
  db: Db,
  input: {
    requestId: number;
    expertId: string;
    role: string | null;
    assignedBy: string;
    event: TimelineEntry;
    /** The reason the offer card gives (a key of reasons.*): staff recommend unless told otherwise. */
    reason?: string;
  },
): Promise<void> {
  const candidate: MatchStatus = "candidate";
  const matching: RequestStatus = "matching";
  await db.$transaction([
    db.match.upsert({
      where: { requestId_expertId: { requestId: input.requestId, expertId: input.expertId } },
      create: {
        requestId: input.requestId,
        expertId: input.expertId,
        rank: 0,
        score: 0,
        role: input.role,
        assignedBy: input.assignedBy,
        reasons: JSON.stringify([{ key: input.reason ?? "assigned", params: {} }]),
      },
      update: {
        rank: 0,
        status: candidate,
        assignedBy: input.assignedBy,
        offeredAt: null,
        respondedAt: null,
        remindedAt: null,
        introducedAt: null,
      },
    }),
    db.helpRequest.update({ where: { id: input.requestId }, data: { status: matching, waitReason: null } }),
    db.requestEvent.create({
      data: {
        requestId: input.requestId,
        actor: input.event.actor,
        type: input.event.type,
        detail: JSON.stringify(input.event.detail ?? {}),
      },
    }),
  ]);
}

/** The roles that have an accepted expert. */
export async function acceptedRoles(db: Db, requestId: number): Promise<(string | null)[]> {
  const accepted: MatchStatus = "accepted";
  const rows = await db.match.findMany({ where: { requestId, status: accepted }, select: { role: true } });
  return rows.map((row) => row.role);
}

/** An accepted match with everything its introduction says. */
export type MatchToIntroduce = StoredMatch & {
  expert: Expert & { person: Person | null };
  request: StoredRequest & { requester: Person; enterprise: Enterprise | null };
};

export async function matchToIntroduce(db: Db, id: string): Promise<MatchToIntroduce | null> {
  const row = await db.match.findUnique({
    where: { id },
    include: { expert: { include: { person: true } }, request: { include: { requester: true, enterprise: true } } },
  });
  return row && { ...parsed(row), request: { ...row.request, status: requestStatus(row.request.status) } };
}

/** Claims an accepted match for its follow-up question; false when it was asked already or has an outcome. */
export async function claimFollowUp(db: Db, id: string): Promise<boolean> {
  const accepted: MatchStatus = "accepted";
  const claimed = await db.match.updateMany({
    where: { id, status: accepted, followedUpAt: null, outcome: null },
    data: { followedUpAt: new Date() },
  });
  return claimed.count > 0;
}

/** The person who speaks for an expert, if any. */
export async function personOfExpert(db: Db, expertId: string): Promise<Person | null> {
  return db.person.findUnique({ where: { expertId } });
}

/**
 * Offers claimed more than `before` (of one request, or all) whose card is not in the outbox: their
 * worker died between the claim and the send. `cardKey` names the card of an attempt.
 */
export async function offersWithoutCard(
  db: Db,
  options: { requestId?: number; before: Date; cardKey: (matchId: string, attempt: number) => string },
): Promise<{ id: string; requestId: number }[]> {
  const offered: MatchStatus = "offered";
  const rows = await db.match.findMany({
    where: {
      status: offered,
      ...(options.requestId === undefined ? {} : { requestId: options.requestId }),
      offeredAt: { lt: options.before },
    },
    select: { id: true, requestId: true, offers: true },
  });
  if (rows.length === 0) return [];
  const keyOf = (row: { id: string; offers: number }) => options.cardKey(row.id, Math.max(1, row.offers));
  const written = await db.outboundMessage.findMany({ where: { key: { in: rows.map(keyOf) } }, select: { key: true } });
  const sent = new Set(written.map((row) => row.key));
  return rows.filter((row) => !sent.has(keyOf(row))).map(({ id, requestId }) => ({ id, requestId }));
}

/** Hands an orphaned offer back to the candidates; false when it was answered meanwhile. */
export async function releaseOffer(db: Db, id: string): Promise<boolean> {
  const offered: MatchStatus = "offered";
  const candidate: MatchStatus = "candidate";
  const released = await db.match.updateMany({
    where: { id, status: offered },
    data: { status: candidate, offeredAt: null, offers: { decrement: 1 } },
  });
  return released.count > 0;
}

/** The offers of a request open right now, with their expert's name. */
export async function openOffersFor(db: Db, requestId: number): Promise<(StoredMatch & { expertName: string })[]> {
  const offered: MatchStatus = "offered";
  const rows = await db.match.findMany({
    where: { requestId, status: offered },
    include: { expert: { select: { name: true } } },
  });
  return rows.map(({ expert, ...row }) => ({ ...parsed(row), expertName: expert.name }));
}

/** The names of the active roster, for finding the experts a message names. */
/**
 * The names of active experts that occur in `text`, any case: a few rows, found by the database, instead of
 * every expert's name read into the process for each request.
 */
export async function expertNamesIn(db: Db, text: string): Promise<string[]> {
  const rows = await directSql(db).many(
    builder
      .selectFrom("Expert")
      .select("name")
      .where("active", "=", sqlBool(true))
      .where((eb) => {
        const anywhere = eb(eb(eb.val("%"), "||", eb.fn<string>("lower", ["name"])), "||", eb.val("%"));
        return eb(eb.fn<string>("lower", [eb.val(text)]), "like", anywhere.$castTo<string>());
      }),
  );
  return rows.map((row) => row.name);
}

/** An expert staff may name: by roster id or name, active. */
export function assignableExpert(db: Db, who: string): Promise<Expert | null> {
  return db.expert.findFirst({ where: { OR: [{ externalId: who }, { name: who }], active: true } });
}

/** Drops the candidates nobody was asked (matching starts afresh). */
export async function dropUnusedCandidates(db: Db, requestId: number, statuses: readonly MatchStatus[]): Promise<void> {
  await db.match.deleteMany({ where: { requestId, status: { in: [...statuses] } } });
}
