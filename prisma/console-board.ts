// The console's board: requests newest first, a page at a time (keyset on the id, so page 2,000 costs
// what page 1 costs), counts by status, and the requests still waiting after 48 hours.
import type { Db } from "./client.ts";
import type { Prisma } from "./generated/client.ts";

/** Requests still in the programme's hands: a wait on them is a wait for the enterprise. */
export const waitingStatuses = ["draft", "open", "matching", "offered", "unmatched"];
export const overdueMs = 48 * 3600 * 1000;
export const boardPageSize = 50;
/** The oldest waiting requests shown above the board; the heading counts all of them. */
export const overdueShown = 20;
/**
 * The board's tab for an outcome rather than a status: requests an enterprise said were solved at the
 * follow-up (a match's outcome), whatever their status became (introduced, or closed by that answer).
 */
export const solvedTab = "solved";
/** A request the follow-up found solved: at least one of its matches has that outcome. */
const solvedWhere = { matches: { some: { outcome: "solved" } } } satisfies Prisma.HelpRequestWhereInput;

export interface BoardFilter {
  status?: string;
  /** A team leader's team, or the team chosen. */
  teamKey?: string;
  city?: string;
  kind?: string;
  /** Rows older than this id (the next page). */
  before?: number;
}

export interface BoardRow {
  id: number;
  code: string;
  status: string;
  text: string;
  teamKey: string | null;
  city: string | null;
  kind: string | null;
  skills: string;
  waitReason: string | null;
  createdAt: Date;
  /** The enterprise said at the follow-up that its problem is solved. */
  solved: boolean;
}

export interface Board {
  rows: BoardRow[];
  /** The id to continue from, when there is a next page. */
  next: number | null;
  /** Requests by status, and by `solvedTab` those solved (counted under their status too). */
  counts: Record<string, number>;
  overdue: BoardRow[];
  /** How many wait over 48 hours in all: `overdue` shows the oldest of them. */
  overdueCount: number;
}

const rowFields = {
  id: true,
  code: true,
  status: true,
  text: true,
  teamKey: true,
  city: true,
  kind: true,
  skills: true,
  waitReason: true,
  createdAt: true,
  // One solved match at most: enough to say the request is solved.
  matches: { where: { outcome: "solved" }, select: { id: true }, take: 1 },
} as const;

function asRow({ matches, ...row }: { matches: { id: string }[] } & Omit<BoardRow, "solved">): BoardRow {
  return { ...row, solved: matches.length > 0 };
}

/** The rows of one tab: a status, the solved ones, or all. */
function tabWhere(status: string | undefined): Prisma.HelpRequestWhereInput {
  if (!status) return {};
  return status === solvedTab ? solvedWhere : { status };
}

export async function loadBoard(db: Db, filter: BoardFilter, now = new Date()): Promise<Board> {
  const scope: Prisma.HelpRequestWhereInput = {
    ...(filter.teamKey ? { teamKey: filter.teamKey } : {}),
    ...(filter.city ? { city: filter.city } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
  };
  const overdueWhere: Prisma.HelpRequestWhereInput = {
    ...scope,
    // A finished status (or the solved tab) asked for: nothing of it waits.
    status: filter.status ? (waitingStatuses.includes(filter.status) ? filter.status : "-") : { in: waitingStatuses },
    createdAt: { lt: new Date(now.getTime() - overdueMs) },
  };
  const [page, grouped, solved, overdue, overdueCount] = await Promise.all([
    db.helpRequest.findMany({
      where: {
        ...scope,
        ...tabWhere(filter.status),
        ...(filter.before ? { id: { lt: filter.before } } : {}),
      },
      orderBy: { id: "desc" },
      take: boardPageSize + 1,
      select: rowFields,
    }),
    db.helpRequest.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
    db.helpRequest.count({ where: { ...scope, ...solvedWhere } }),
    db.helpRequest.findMany({ where: overdueWhere, orderBy: { id: "asc" }, take: overdueShown, select: rowFields }),
    db.helpRequest.count({ where: overdueWhere }),
  ]);
  const rows = page.slice(0, boardPageSize).map(asRow);
  const counts: Record<string, number> = {};
  for (const group of grouped) counts[group.status] = group._count._all;
  counts[solvedTab] = solved;
  const last = rows.at(-1);
  return {
    rows,
    next: page.length > boardPageSize && last ? last.id : null,
    counts,
    overdue: overdue.map(asRow),
    overdueCount,
  };
}

/** For each request, the expert its oldest open offer waits on: the board names them, as the digest does. */
export async function awaitedExperts(db: Db, requestIds: readonly number[]): Promise<Map<number, string>> {
  if (requestIds.length === 0) return new Map();
  const offers = await db.match.findMany({
    where: { requestId: { in: [...requestIds] }, status: "offered" },
    orderBy: { offeredAt: "asc" },
    select: { requestId: true, expert: { select: { name: true } } },
  });
  const names = new Map<number, string>();
  for (const offer of offers) if (!names.has(offer.requestId)) names.set(offer.requestId, offer.expert.name);
  return names;
}
