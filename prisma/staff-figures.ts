// The staff's figures: `/stats` counts, `/teams` per-team counts and the monthly report's rows of a month.
// Read a few times a day by staff, so plain Prisma.
import type { TimeRange } from "../core/calendar.ts";
import { type MatchStatus, openRequestStatuses, type RequestStatus } from "../core/statuses.ts";
import type { Db } from "./client.ts";

const openStatuses = [...openRequestStatuses];
const introducedStatus: RequestStatus = "introduced";
const acceptedStatus: MatchStatus = "accepted";

/** Where a request belongs in the figures: its service team and city. */
export type RequestPlace = { teamKey: string | null; city: string | null };

export interface ProgrammeCounts {
  requests: number;
  open: number;
  introduced: number;
  experts: number;
  offers: number;
  accepted: number;
}

/** `/stats`: the programme's counts, or one service team's when `team` is given. */
export async function programmeCounts(db: Db, team: string | null): Promise<ProgrammeCounts> {
  const ofTeam = team ? { teamKey: team } : {};
  const matchOfTeam = team ? { request: { teamKey: team } } : {};
  const [requests, open, introduced, experts, offers, accepted] = await Promise.all([
    db.helpRequest.count({ where: ofTeam }),
    db.helpRequest.count({ where: { ...ofTeam, status: { in: openStatuses } } }),
    db.helpRequest.count({ where: { ...ofTeam, status: introducedStatus } }),
    db.expert.count({ where: { ...ofTeam, active: true } }),
    db.match.count({ where: { ...matchOfTeam, offeredAt: { not: null } } }),
    db.match.count({ where: { ...matchOfTeam, status: acceptedStatus } }),
  ]);
  return { requests, open, introduced, experts, offers, accepted };
}

export interface TeamCounts {
  /** Active experts per service team. */
  experts: Map<string | null, number>;
  /** Requests in one of `openStatuses` per service team. */
  open: Map<string | null, number>;
  /** Requests introduced within the range per service team, each counted once however many experts it took. */
  introduced: Map<string | null, number>;
}

/** `/teams`: experts, open requests and the range's introductions, per service team. */
export async function teamCounts(db: Db, openStatuses: string[], range: TimeRange): Promise<TeamCounts> {
  const [experts, open, introductions] = await Promise.all([
    db.expert.groupBy({ by: ["teamKey"], where: { active: true }, _count: { _all: true } }),
    db.helpRequest.groupBy({ by: ["teamKey"], where: { status: { in: openStatuses } }, _count: { _all: true } }),
    db.requestEvent.findMany({
      where: { type: "introduced", createdAt: { gte: range.from, lt: range.to } },
      select: { request: { select: { teamKey: true } } },
    }),
  ]);
  const introduced = new Map<string | null, number>();
  for (const event of introductions) {
    introduced.set(event.request.teamKey, (introduced.get(event.request.teamKey) ?? 0) + 1);
  }
  return { experts: countsByTeam(experts), open: countsByTeam(open), introduced };
}

/** How many rows fall in each team, from a Prisma groupBy on teamKey. */
function countsByTeam(groups: { teamKey: string | null; _count: { _all: number } }[]): Map<string | null, number> {
  return new Map(groups.map((group) => [group.teamKey, group._count._all]));
}

export interface MonthActivity {
  /** Requests registered in the range. */
  requests: RequestPlace[];
  /** Offers made in the range, by their request's place. */
  offers: RequestPlace[];
  /** Offers accepted in the range. */
  accepted: RequestPlace[];
  /** Requests introduced in the range (one per introduced event). */
  introduced: RequestPlace[];
  /** Matches introduced in the range, with the outcome and rating their follow-up got. */
  outcomes: { outcome: string | null; rating: number | null; request: RequestPlace }[];
}

/** What happened within the range, each row with the place of its request, for the monthly report. */
export async function monthActivity(db: Db, range: TimeRange): Promise<MonthActivity> {
  const within = { gte: range.from, lt: range.to };
  const place = { select: { teamKey: true, city: true } } as const;
  const [requests, offers, accepted, introduced, outcomes] = await Promise.all([
    db.helpRequest.findMany({ where: { createdAt: within }, select: { teamKey: true, city: true } }),
    db.match.findMany({ where: { offeredAt: within }, select: { request: place } }),
    db.match.findMany({ where: { status: "accepted", respondedAt: within }, select: { request: place } }),
    db.requestEvent.findMany({ where: { type: "introduced", createdAt: within }, select: { request: place } }),
    db.match.findMany({
      where: { introducedAt: within },
      select: { outcome: true, rating: true, request: place },
    }),
  ]);
  const placeOf = (row: { request: RequestPlace }) => row.request;
  return {
    requests,
    offers: offers.map(placeOf),
    accepted: accepted.map(placeOf),
    introduced: introduced.map(placeOf),
    outcomes,
  };
}
