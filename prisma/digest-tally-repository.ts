// The digest tallies: the figures of one period for every service team at once, counted by the database
// (GROUP BY) instead of loaded row by row: 30 days of 100,000 requests stay a few hundred grouped rows.
// Window functions and CTEs keep these as Prisma raw queries (typed results below); they run once a day.
// Each has its SQLite text (index hints, rowid) and its PostgreSQL text (quoted names, no hints).
import { type Db, directSql } from "./client.ts";
import { Prisma } from "./generated/client.ts";

/** Why a request waits: HelpRequest.waitReason, or what its status says when no reason was written. */
export type WaitReason = "no_candidate" | "all_declined" | "offer_unanswered" | "draft_unconfirmed" | "matching";

export interface WaitingRequest {
  code: string;
  teamKey: string | null;
  city: string | null;
  reason: WaitReason;
  hours: number;
  /** The expert an unanswered offer waits on. */
  expert: string | null;
}

/** Requests waiting in one team: how many, and the oldest of them (oldest first). */
export interface WaitingTeam {
  teamKey: string | null;
  count: number;
  oldest: (WaitingRequest & { createdAt: number; id: number })[];
}

export interface TeamCount {
  teamKey: string | null;
  count: number;
}

/** An expert who let offers run out in the week before the period's end, or paused during it. */
export interface QuietRow {
  id: string;
  name: string;
  externalId: string;
  teamKey: string | null;
  unanswered: number;
  paused: boolean;
}

/** What happened during the period. */
export interface PeriodCounts {
  /** New requests by team and city, in the order each pair first occurred. */
  created: (TeamCount & { city: string | null })[];
  offers: TeamCount[];
  accepted: TeamCount[];
  declined: TeamCount[];
  unanswered: TeamCount[];
  /** In the order each team's first introduction happened. */
  introductions: TeamCount[];
  outcomes: (TeamCount & { outcome: string | null; rating: number | null })[];
  /** Experts who paused during the period. */
  paused: QuietRow[];
}

/** What stands at the period's end. */
export interface Standing {
  /** In the order of each team's oldest waiting request. */
  waiting: WaitingTeam[];
  /** Experts whose offers ran out in the week before, in the order of their first lapse. */
  lapsed: QuietRow[];
}

export type DigestTally = PeriodCounts & Standing;

/**
 * Waiting requests kept per team and kind (drafts apart): enough for the longest list a digest shows
 * and for its "rematch" buttons, which skip drafts.
 */
export const waitingKept = 5;

const waitAfterMs = 48 * 3600 * 1000;
const weekMs = 7 * 24 * 3600 * 1000;
const openStatuses = ["draft", "open", "matching", "offered", "unmatched"];

type Row = Record<string, unknown>;

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const count = (value: unknown): number => Number(value ?? 0);
/** Raw rows carry a DATETIME column as a Date, an expression over one as its text. */
const time = (value: unknown): number => (value instanceof Date ? value.getTime() : Date.parse(String(value)));

/** Teams with a non-zero `column`, in the order of the rows. */
function countsOf(rows: readonly Row[], column: string): TeamCount[] {
  return rows
    .map((row) => ({ teamKey: text(row["teamKey"]), count: count(row[column]) }))
    .filter((row) => row.count > 0);
}

function quietRow(row: Row, unanswered: number, paused: boolean): QuietRow {
  return {
    id: String(row["id"]),
    name: String(row["name"]),
    externalId: String(row["externalId"]),
    teamKey: text(row["teamKey"]),
    unanswered,
    paused,
  };
}

/** What happened in [start, end), every team at once. */
export async function periodCounts(db: Db, start: Date, end: Date): Promise<PeriodCounts> {
  const queries =
    directSql(db).dialect === "postgres" ? postgresPeriodQueries(db, start, end) : sqlitePeriodQueries(db, start, end);
  const [created, matches, outcomes, paused] = await Promise.all(queries);
  const introduced = matches
    .filter((row) => row["firstIntroduction"] !== null)
    .sort((a, b) => time(a["firstIntroduction"]) - time(b["firstIntroduction"]));
  return {
    created: created.map((row) => ({ teamKey: text(row["teamKey"]), city: text(row["city"]), count: count(row["n"]) })),
    offers: countsOf(matches, "offers"),
    accepted: countsOf(matches, "accepted"),
    declined: countsOf(matches, "declined"),
    unanswered: countsOf(matches, "unanswered"),
    introductions: countsOf(introduced, "introductions"),
    outcomes: outcomes.map((row) => ({
      teamKey: text(row["teamKey"]),
      count: count(row["n"]),
      outcome: text(row["outcome"]),
      rating: row["rating"] === null ? null : Number(row["rating"]),
    })),
    paused: paused.map((row) => quietRow(row, 0, true)),
  };
}

type PeriodQueries = [Promise<Row[]>, Promise<Row[]>, Promise<Row[]>, Promise<Row[]>];

function sqlitePeriodQueries(db: Db, start: Date, end: Date): PeriodQueries {
  return [
    db.$queryRaw<Row[]>`
      SELECT teamKey, city, COUNT(*) AS n, MIN(id) AS first FROM HelpRequest
      WHERE createdAt >= ${start} AND createdAt < ${end}
      GROUP BY teamKey, city ORDER BY first`,
    // Offers, answers and introductions in one pass: each match is joined to its request once.
    db.$queryRaw<Row[]>`
      SELECT r.teamKey,
        SUM(m.offeredAt >= ${start} AND m.offeredAt < ${end}) AS offers,
        SUM(m.status = 'accepted' AND m.respondedAt >= ${start} AND m.respondedAt < ${end}) AS accepted,
        SUM(m.status = 'declined' AND m.respondedAt >= ${start} AND m.respondedAt < ${end}) AS declined,
        SUM(m.status = 'expired' AND m.respondedAt >= ${start} AND m.respondedAt < ${end}) AS unanswered,
        SUM(m.introducedAt >= ${start} AND m.introducedAt < ${end}) AS introductions,
        MIN(CASE WHEN m.introducedAt >= ${start} AND m.introducedAt < ${end} THEN m.introducedAt END) AS firstIntroduction
      FROM Match m JOIN HelpRequest r ON r.id = m.requestId
      WHERE m.rowid IN (
        SELECT rowid FROM Match WHERE offeredAt >= ${start} AND offeredAt < ${end}
        UNION SELECT rowid FROM Match
          WHERE status IN ('accepted', 'declined', 'expired') AND respondedAt >= ${start} AND respondedAt < ${end}
        UNION SELECT rowid FROM Match WHERE introducedAt >= ${start} AND introducedAt < ${end})
      GROUP BY r.teamKey`,
    // Outcomes told during the period: the accepted experts' results on requests with feedback then.
    // "+": reach the matches through their request, not through every accepted match.
    db.$queryRaw<Row[]>`
      SELECT r.teamKey, m.outcome, m.rating, COUNT(*) AS n FROM Match m JOIN HelpRequest r ON r.id = m.requestId
      WHERE +m.status = 'accepted' AND (m.outcome IS NOT NULL OR m.rating IS NOT NULL)
        AND m.requestId IN (
          SELECT requestId FROM RequestEvent WHERE type = 'feedback' AND createdAt >= ${start} AND createdAt < ${end})
      GROUP BY r.teamKey, m.outcome, m.rating`,
    db.$queryRaw<Row[]>`
      SELECT id, name, externalId, teamKey FROM Expert
      WHERE paused = 1 AND active = 1 AND updatedAt >= ${start} AND updatedAt < ${end}
      ORDER BY updatedAt, id`,
  ];
}

function postgresPeriodQueries(db: Db, start: Date, end: Date): PeriodQueries {
  const within = (column: Prisma.Sql) => Prisma.sql`${column} >= ${start} AND ${column} < ${end}`;
  const offeredAt = Prisma.sql`m."offeredAt"`;
  const respondedAt = Prisma.sql`m."respondedAt"`;
  const introducedAt = Prisma.sql`m."introducedAt"`;
  return [
    db.$queryRaw<Row[]>`
      SELECT "teamKey", "city", COUNT(*) AS n, MIN("id") AS first FROM "HelpRequest"
      WHERE "createdAt" >= ${start} AND "createdAt" < ${end}
      GROUP BY "teamKey", "city" ORDER BY first`,
    db.$queryRaw<Row[]>`
      SELECT r."teamKey",
        COUNT(*) FILTER (WHERE ${within(offeredAt)}) AS offers,
        COUNT(*) FILTER (WHERE m."status" = 'accepted' AND ${within(respondedAt)}) AS accepted,
        COUNT(*) FILTER (WHERE m."status" = 'declined' AND ${within(respondedAt)}) AS declined,
        COUNT(*) FILTER (WHERE m."status" = 'expired' AND ${within(respondedAt)}) AS unanswered,
        COUNT(*) FILTER (WHERE ${within(introducedAt)}) AS introductions,
        MIN(CASE WHEN ${within(introducedAt)} THEN m."introducedAt" END) AS "firstIntroduction"
      FROM "Match" m JOIN "HelpRequest" r ON r."id" = m."requestId"
      WHERE ${within(offeredAt)}
        OR (m."status" IN ('accepted', 'declined', 'expired') AND ${within(respondedAt)})
        OR ${within(introducedAt)}
      GROUP BY r."teamKey"`,
    db.$queryRaw<Row[]>`
      SELECT r."teamKey", m."outcome", m."rating", COUNT(*) AS n
      FROM "Match" m JOIN "HelpRequest" r ON r."id" = m."requestId"
      WHERE m."status" = 'accepted' AND (m."outcome" IS NOT NULL OR m."rating" IS NOT NULL)
        AND m."requestId" IN (
          SELECT "requestId" FROM "RequestEvent" WHERE "type" = 'feedback' AND "createdAt" >= ${start} AND "createdAt" < ${end})
      GROUP BY r."teamKey", m."outcome", m."rating"`,
    db.$queryRaw<Row[]>`
      SELECT "id", "name", "externalId", "teamKey" FROM "Expert"
      WHERE "paused" AND "active" AND "updatedAt" >= ${start} AND "updatedAt" < ${end}
      ORDER BY "updatedAt", "id"`,
  ];
}

/**
 * What stands at `end`: requests waiting then — older than 48 h, neither closed nor introduced by then
 * (and, describing the present, still open), counted per team with only the oldest few read — and the
 * experts whose offers ran out in the week before.
 */
export async function standingAt(db: Db, end: Date, live: boolean): Promise<Standing> {
  const [waiting, lapsed] = await Promise.all(
    directSql(db).dialect === "postgres"
      ? postgresStandingQueries(db, end, live)
      : sqliteStandingQueries(db, end, live),
  );
  const teams = new Map<string | null, WaitingTeam>();
  for (const row of waiting) {
    const teamKey = text(row["teamKey"]);
    const createdAt = time(row["createdAt"]);
    const team = teams.get(teamKey) ?? { teamKey, count: count(row["total"]), oldest: [] };
    team.oldest.push({
      id: count(row["id"]),
      createdAt,
      code: String(row["code"]),
      teamKey,
      city: text(row["city"]),
      reason: String(row["reason"]) as WaitReason,
      hours: Math.floor((end.getTime() - createdAt) / 3600_000),
      expert: text(row["expert"]),
    });
    teams.set(teamKey, team);
  }
  return {
    waiting: [...teams.values()],
    lapsed: lapsed.map((row) => quietRow(row, count(row["n"]), Boolean(Number(row["paused"])))),
  };
}

function sqliteStandingQueries(db: Db, end: Date, live: boolean): [Promise<Row[]>, Promise<Row[]>] {
  const stillOpen = live ? Prisma.sql`AND r.status IN (${Prisma.join(openStatuses)})` : Prisma.empty;
  return [
    db.$queryRaw<Row[]>`
      WITH waiting AS (
        SELECT r.id, r.code, r.teamKey, r.city, r.createdAt,
          CASE
            WHEN r.waitReason IN ('no_candidate', 'all_declined', 'offer_unanswered', 'draft_unconfirmed') THEN r.waitReason
            WHEN r.status = 'draft' THEN 'draft_unconfirmed'
            WHEN r.status = 'offered' THEN 'offer_unanswered'
            WHEN r.status = 'unmatched' THEN 'no_candidate'
            ELSE 'matching'
          END AS reason
        FROM HelpRequest r
        -- "+": the status index finds the few open requests; createdAt would pick nearly all of them.
        WHERE +r.createdAt < ${new Date(end.getTime() - waitAfterMs)}
          AND (r.closedAt IS NULL OR r.closedAt > ${end})
          AND NOT EXISTS (SELECT 1 FROM Match i WHERE i.requestId = r.id AND i.introducedAt <= ${end})
          ${stillOpen}
      ), ranked AS (
        SELECT *,
          ROW_NUMBER() OVER (PARTITION BY teamKey, reason = 'draft_unconfirmed' ORDER BY createdAt, id) AS place,
          COUNT(*) OVER (PARTITION BY teamKey) AS total
        FROM waiting
      )
      SELECT id, code, teamKey, city, createdAt, reason, total,
        -- "+": by the request's own few matches, not by every offered match.
        (SELECT e.name FROM Match o JOIN Expert e ON e.id = o.expertId
          WHERE o.requestId = ranked.id AND +o.status = 'offered' ORDER BY o.offeredAt LIMIT 1) AS expert
      FROM ranked WHERE place <= ${waitingKept}
      ORDER BY createdAt, id`,
    db.$queryRaw<Row[]>`
      SELECT e.id, e.name, e.externalId, e.teamKey, e.paused, COUNT(*) AS n, MIN(m.respondedAt) AS first
      FROM Match m JOIN Expert e ON e.id = m.expertId
      WHERE m.status = 'expired' AND m.respondedAt >= ${new Date(end.getTime() - weekMs)} AND m.respondedAt < ${end}
      GROUP BY e.id ORDER BY first`,
  ];
}

function postgresStandingQueries(db: Db, end: Date, live: boolean): [Promise<Row[]>, Promise<Row[]>] {
  const stillOpen = live ? Prisma.sql`AND r."status" IN (${Prisma.join(openStatuses)})` : Prisma.empty;
  return [
    db.$queryRaw<Row[]>`
      WITH waiting AS (
        SELECT r."id", r."code", r."teamKey", r."city", r."createdAt",
          CASE
            WHEN r."waitReason" IN ('no_candidate', 'all_declined', 'offer_unanswered', 'draft_unconfirmed') THEN r."waitReason"
            WHEN r."status" = 'draft' THEN 'draft_unconfirmed'
            WHEN r."status" = 'offered' THEN 'offer_unanswered'
            WHEN r."status" = 'unmatched' THEN 'no_candidate'
            ELSE 'matching'
          END AS reason
        FROM "HelpRequest" r
        WHERE r."createdAt" < ${new Date(end.getTime() - waitAfterMs)}
          AND (r."closedAt" IS NULL OR r."closedAt" > ${end})
          AND NOT EXISTS (SELECT 1 FROM "Match" i WHERE i."requestId" = r."id" AND i."introducedAt" <= ${end})
          ${stillOpen}
      ), ranked AS (
        SELECT *,
          ROW_NUMBER() OVER (PARTITION BY "teamKey", reason = 'draft_unconfirmed' ORDER BY "createdAt", "id") AS place,
          COUNT(*) OVER (PARTITION BY "teamKey") AS total
        FROM waiting
      )
      SELECT "id", "code", "teamKey", "city", "createdAt", reason, total,
        (SELECT e."name" FROM "Match" o JOIN "Expert" e ON e."id" = o."expertId"
          WHERE o."requestId" = ranked."id" AND o."status" = 'offered' ORDER BY o."offeredAt" LIMIT 1) AS expert
      FROM ranked WHERE place <= ${waitingKept}
      ORDER BY "createdAt", "id"`,
    db.$queryRaw<Row[]>`
      SELECT e."id", e."name", e."externalId", e."teamKey", e."paused", COUNT(*) AS n, MIN(m."respondedAt") AS first
      FROM "Match" m JOIN "Expert" e ON e."id" = m."expertId"
      WHERE m."status" = 'expired' AND m."respondedAt" >= ${new Date(end.getTime() - weekMs)} AND m."respondedAt" < ${end}
      GROUP BY e."id" ORDER BY first`,
  ];
}
