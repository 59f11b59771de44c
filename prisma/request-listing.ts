// The staff's views of requests: `/requests` (the latest of a status filter and team) and `/request
// R-0042` (one request with its timeline). Read on a staff member's command, so plain Prisma.
import type { Db } from "./client.ts";
import type { HelpRequest, RequestEvent } from "./generated/client.ts";

/** The latest `limit` requests, newest first, in one of `statuses` (any when undefined) and of `team` if given. */
export function latestRequests(
  db: Db,
  filter: { statuses?: string[]; team: string | null },
  limit: number,
): Promise<HelpRequest[]> {
  const { statuses, team } = filter;
  return db.helpRequest.findMany({
    where: { ...(statuses ? { status: { in: statuses } } : {}), ...(team ? { teamKey: team } : {}) },
    orderBy: { id: "desc" },
    take: limit,
  });
}

/** The request with this code and its timeline, oldest event first; null when no request has the code. */
export function requestWithTimeline(db: Db, code: string): Promise<(HelpRequest & { events: RequestEvent[] }) | null> {
  return db.helpRequest.findUnique({
    where: { code },
    include: { events: { orderBy: { createdAt: "asc" } } },
  });
}
