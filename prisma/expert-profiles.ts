// Expert profiles from the database for the matching index: experts with their open availability, offer load
// and past outcomes, as plain typed rows; and expert rows as staff searches show them.
// Lean SQL, a page at a time: only the columns a profile needs, matches counted per expert in SQL
// (GROUP BY) instead of read row by row, and rows read as arrays beside Prisma, so that a roster of
// 100,000 never sits in memory as rows while the index is built from it.
import { setImmediate as nextTurn } from "node:timers/promises";
import { dayOf, monthStart } from "../core/calendar.ts";
import { jsonList } from "../core/json-list.ts";
import type { RosterRow } from "../core/roster/roster-types.ts";
import type { AvailabilitySlot, DateWindow } from "../core/understanding/types.ts";
import { awayMode } from "./availability-slots.ts";
import { type Db, directSql } from "./client.ts";
import { type DirectSql, fromSqlDate } from "./direct-sql.ts";
import { expertChangesSince } from "./experts-repository.ts";
import type { Expert } from "./generated/client.ts";
import type { Dialect } from "./sql/builder.ts";

export interface ExpertLoad {
  /** Offers waiting for this expert's answer. */
  openOffers: number;
  /** Offers made or introductions this calendar month (Asia/Shanghai). */
  offersThisMonth: number;
}

export interface ExpertOutcomes {
  accepted: number;
  declined: number;
  solved: number;
  ratingSum: number;
  ratingCount: number;
}

/** An expert as the ranker holds them: the roster's fields (without the phone) plus what the database adds. */
export interface ExpertProfile extends Omit<RosterRow, "id" | "phone" | "absent" | "row"> {
  /** Database id of the expert. */
  id: string;
  /** The roster's own id (E0001). */
  externalId: string;
  slots: AvailabilitySlot[];
  /** Days the expert said they are away (出差, 请假), still ahead or under way. */
  away: DateWindow[];
  paused: boolean;
  /** When a pause with an end stops (epoch ms), or null; core/expert-pause.ts reads the two together. */
  pausedUntil: number | null;
  active: boolean;
  load: ExpertLoad;
  outcomes: ExpertOutcomes;
}

/**
 * Experts per page. Measured at 100,000 experts: pages of 1,000 peak at 280-300 MB RSS, of 5,000 at 330-340 MB
 * (more of each page outlives a young-generation GC), in the same time.
 */
export const defaultPageSize = 1000;
// Ids named in one query when given a list, well under SQLite's limit on parameters.
const idsPerQuery = 500;

/** A condition on `e` (the Expert table) with its parameters. */
interface Scope {
  where: string;
  args: unknown[];
}

const expertColumns = `e."id", e."externalId", e."name", e."honours", e."employer", e."title", e."city", e."district",
  e."teamKey", e."skills", e."achievements", e."canOnsite", e."canRemote", e."cities", e."paused", e."active", e."pausedUntil"`;

/** An offer made since the month's start: SQLite's julianday() reads every date format SQLite knows, whoever wrote the row. */
const offeredSince: Record<Dialect, string> = {
  sqlite: `julianday(m."offeredAt") >= julianday(?)`,
  postgres: `m."offeredAt" >= CAST(? AS timestamp(3))`,
};

const tallySql = (dialect: Dialect, where: string) => `
  SELECT m."expertId",
    SUM(CASE WHEN m."status" = 'offered' THEN 1 ELSE 0 END),
    SUM(CASE WHEN ${offeredSince[dialect]} THEN 1 ELSE 0 END),
    SUM(CASE WHEN m."status" = 'accepted' THEN 1 ELSE 0 END),
    SUM(CASE WHEN m."status" = 'declined' THEN 1 ELSE 0 END),
    SUM(CASE WHEN m."status" = 'accepted' AND (m."outcome" = 'solved' OR r."status" = 'closed') THEN 1 ELSE 0 END),
    SUM(CASE WHEN m."status" = 'accepted' AND m."rating" BETWEEN 1 AND 5 THEN m."rating" ELSE 0 END),
    SUM(CASE WHEN m."status" = 'accepted' AND m."rating" BETWEEN 1 AND 5 THEN 1 ELSE 0 END)
  FROM "Match" m JOIN "Expert" e ON e."id" = m."expertId" JOIN "HelpRequest" r ON r."id" = m."requestId"
  WHERE ${where} AND m."status" IN ('offered', 'accepted', 'declined', 'expired')
  GROUP BY m."expertId"`;

const slotSql = (where: string) => `
  SELECT a."expertId", a."weekday", a."date", a."startMinute", a."endMinute", a."mode", a."validUntil"
  FROM "Availability" a JOIN "Expert" e ON e."id" = a."expertId"
  WHERE ${where} AND (a."validUntil" IS NULL OR a."validUntil" >= ?) AND (a."date" IS NULL OR a."date" >= ? OR a."mode" = '${awayMode}')`;

/**
 * Profiles of `experts` (rows of expertColumns, which `scope` selects), in their order, each built as it is
 * read (once): a whole page of profile objects built up front outlived a few young-generation collections
 * and became old-generation garbage, a good part of an index build's peak memory.
 */
async function profilesOf(
  reader: DirectSql,
  now: Date,
  experts: unknown[][],
  scope: Scope,
): Promise<Iterable<ExpertProfile>> {
  const today = dayOf(now);
  const slotsOf = new Map<string, AvailabilitySlot[]>();
  const awayOf = new Map<string, DateWindow[]>();
  for (const [expertId, weekday, date, startMinute, endMinute, mode, validUntil] of await reader.rows(
    slotSql(scope.where),
    [...scope.args, today, today],
  )) {
    if (mode === awayMode) {
      const window = { start: date as string, end: validUntil as string };
      const windows = awayOf.get(expertId as string);
      if (windows) windows.push(window);
      else awayOf.set(expertId as string, [window]);
      continue;
    }
    const slot = { weekday, date, startMinute, endMinute } as AvailabilitySlot;
    const list = slotsOf.get(expertId as string);
    if (list) list.push(slot);
    else slotsOf.set(expertId as string, [slot]);
  }
  const tallies = new Map<string, number[]>();
  for (const [expertId, ...counts] of await reader.rows(tallySql(reader.dialect, scope.where), [
    monthStart(now).toISOString(),
    ...scope.args,
  ])) {
    tallies.set(expertId as string, counts.map(Number));
  }
  const build = (row: unknown[]): ExpertProfile => {
    const [id, externalId, name, honours, employer, title, city, district, teamKey, skills, achievements] =
      row as string[];
    const [canOnsite, canRemote, cities, paused, active, pausedUntil] = row.slice(11);
    const [
      openOffers = 0,
      offersThisMonth = 0,
      accepted = 0,
      declined = 0,
      solved = 0,
      ratingSum = 0,
      ratingCount = 0,
    ] = tallies.get(id as string) ?? [];
    return {
      id: id as string,
      externalId: externalId as string,
      name: name as string,
      honours: jsonList(honours as string),
      employer: employer as string,
      title: title as string,
      city: city as string,
      district: (district ?? null) as string | null,
      teamKey: (teamKey ?? null) as string | null,
      skills: jsonList(skills as string),
      achievements: achievements as string,
      canOnsite: canOnsite === 1,
      canRemote: canRemote === 1,
      cities: jsonList(cities as string),
      slots: slotsOf.get(id as string) ?? [],
      away: awayOf.get(id as string) ?? [],
      paused: paused === 1,
      pausedUntil:
        pausedUntil === null || pausedUntil === undefined ? null : fromSqlDate(String(pausedUntil)).getTime(),
      active: active === 1,
      load: { openOffers, offersThisMonth },
      outcomes: { accepted, declined, solved, ratingSum, ratingCount },
    };
  };
  return (function* () {
    for (const row of experts) yield build(row);
  })();
}

/**
 * Every expert's profile (paused and inactive ones too: the ranker skips them, the index keeps them), a page
 * at a time in roster-id order, keyed on the roster id so that each page is one range of its index. A page
 * can be read once, before the next one is asked for.
 */
export async function* expertProfilePages(
  db: Db,
  now: Date,
  options: { pageSize?: number } = {},
): AsyncGenerator<Iterable<ExpertProfile>> {
  const pageSize = options.pageSize ?? defaultPageSize;
  const reader = directSql(db);
  {
    let after: string | null = null;
    for (;;) {
      const from: Scope =
        after === null ? { where: "1 = 1", args: [] } : { where: `e."externalId" > ?`, args: [after] };
      const experts = await reader.rows(
        `SELECT ${expertColumns} FROM "Expert" e WHERE ${from.where} ORDER BY e."externalId" LIMIT ?`,
        [...from.args, pageSize],
      );
      const last = experts.at(-1)?.[1] as string | undefined;
      if (last === undefined) return;
      const scope = { where: `${from.where} AND e."externalId" <= ?`, args: [...from.args, last] };
      yield await profilesOf(reader, now, experts, scope);
      if (experts.length < pageSize) return;
      after = last;
      // SQLite's reads are synchronous: let timers and sockets (job locks, Redis) run between pages.
      await nextTurn();
    }
  }
}

/** Profiles of the given experts (ids that no longer exist are left out), in roster-id order. */
export async function loadExpertProfiles(db: Db, now: Date, expertIds: readonly string[]): Promise<ExpertProfile[]> {
  const reader = directSql(db);
  const profiles: ExpertProfile[] = [];
  for (let start = 0; start < expertIds.length; start += idsPerQuery) {
    const ids = expertIds.slice(start, start + idsPerQuery);
    const scope = { where: `e."id" IN (${ids.map(() => "?").join(", ")})`, args: ids };
    const experts = await reader.rows(
      `SELECT ${expertColumns} FROM "Expert" e WHERE ${scope.where} ORDER BY e."externalId"`,
      scope.args,
    );
    profiles.push(...(await profilesOf(reader, now, experts, scope)));
  }
  // Several queries: one roster-id order again, comparing bytes as SQLite's ORDER BY does.
  if (expertIds.length > idsPerQuery) {
    profiles.sort((a, b) => Buffer.compare(Buffer.from(a.externalId), Buffer.from(b.externalId)));
  }
  return profiles;
}

/** The experts with these ids, in the order of the ids (ids that no longer exist are left out). */
export async function expertsByIds(db: Db, ids: readonly string[]): Promise<Expert[]> {
  if (ids.length === 0) return [];
  const rows = await db.expert.findMany({ where: { id: { in: [...ids] } } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)).filter((row): row is Expert => row !== undefined);
}

/** Active experts whose name or employer holds the words, in roster-id order. */
export function expertsByNameOrEmployer(db: Db, words: string): Promise<Expert[]> {
  return db.expert.findMany({
    where: { active: true, OR: [{ name: { contains: words } }, { employer: { contains: words } }] },
    orderBy: { externalId: "asc" },
  });
}

/**
 * Every change since `since` that the matching index holds: roster rows, new availability and offers or
 * answers (new candidate rows change nothing the index holds), one row per change with its time.
 */
export function expertChanges(db: Db, since: Date): Promise<{ id: string; stamp: string }[]> {
  return expertChangesSince(db, since);
}
