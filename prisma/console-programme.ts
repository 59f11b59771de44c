// Figures of the programme page that the digest's tally does not hold: new requests day by day, and how
// long requests waited for their first acceptance.
import type { Db } from "./client.ts";

const shanghaiOffsetMs = 8 * 3600 * 1000;

/** New requests per Asia/Shanghai day in [start, end), every day present (zero when none). */
export async function requestsPerDay(
  db: Db,
  start: Date,
  end: Date,
  teamKey: string | null,
): Promise<{ day: string; count: number }[]> {
  const rows = await db.helpRequest.findMany({
    where: { createdAt: { gte: start, lt: end }, ...(teamKey ? { teamKey } : {}) },
    select: { createdAt: true },
  });
  const counts = new Map<string, number>();
  for (let at = start.getTime(); at < end.getTime(); at += 24 * 3600 * 1000) {
    counts.set(new Date(at + shanghaiOffsetMs).toISOString().slice(0, 10), 0);
  }
  for (const { createdAt } of rows) {
    const day = new Date(createdAt.getTime() + shanghaiOffsetMs).toISOString().slice(0, 10);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return [...counts].map(([day, count]) => ({ day, count }));
}

/** Hours from each request to its first acceptance, for acceptances in [start, end). */
export async function hoursToFirstAcceptance(
  db: Db,
  start: Date,
  end: Date,
  teamKey: string | null,
): Promise<number[]> {
  const accepted = await db.match.findMany({
    where: {
      status: "accepted",
      respondedAt: { gte: start, lt: end },
      ...(teamKey ? { request: { teamKey } } : {}),
    },
    select: { requestId: true, respondedAt: true, request: { select: { createdAt: true } } },
  });
  const first = new Map<number, number>();
  for (const match of accepted) {
    if (!match.respondedAt) continue;
    const hours = (match.respondedAt.getTime() - match.request.createdAt.getTime()) / 3_600_000;
    first.set(match.requestId, Math.min(first.get(match.requestId) ?? Number.POSITIVE_INFINITY, hours));
  }
  return [...first.values()];
}

/** How many demo experts the roster holds: the export leaves them out unless asked. */
export function countDemoExperts(db: Db): Promise<number> {
  return db.expert.count({ where: { isDemo: true } });
}
