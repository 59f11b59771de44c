// The figures of one digest, read from the database for one period and one scope (every team, or
// the service team a team leader looks after). Counts come from timestamps, so a past day reads right.
import type { Db } from "../../prisma/client.ts";
import type { DigestPeriod } from "./digest-period.ts";

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

export interface QuietExpert {
  name: string;
  externalId: string;
  /** Offers that ran out unanswered in the past 7 days. */
  unanswered: number;
  paused: boolean;
}

export interface TeamLine {
  /** null: requests no service team was found for. */
  teamKey: string | null;
  requests: number;
  introductions: number;
  waiting: number;
}

export interface DigestFigures {
  newRequests: number;
  /** New requests by team, then by city, largest first. */
  byTeam: { teamKey: string | null; count: number; cities: { city: string | null; count: number }[] }[];
  offers: number;
  accepted: number;
  declined: number;
  unanswered: number;
  introductions: number;
  waiting: WaitingRequest[];
  solved: number;
  unsolved: number;
  ratings: number[];
  quiet: QuietExpert[];
  teams: TeamLine[];
}

const waitAfterMs = 48 * 3600 * 1000;
const weekMs = 7 * 24 * 3600 * 1000;
const openStatuses = ["draft", "open", "matching", "offered", "unmatched"];
const knownReasons = new Set<string>(["no_candidate", "all_declined", "offer_unanswered", "draft_unconfirmed"]);

function reasonOf(status: string, waitReason: string | null): WaitReason {
  if (waitReason && knownReasons.has(waitReason)) return waitReason as WaitReason;
  if (status === "draft") return "draft_unconfirmed";
  if (status === "offered") return "offer_unanswered";
  if (status === "unmatched") return "no_candidate";
  return "matching";
}

function countBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Reads the figures of `period` for `teamKey` (null: every team). */
export async function digestFigures(
  db: Db,
  period: Pick<DigestPeriod, "start" | "end" | "live">,
  teamKey: string | null,
): Promise<DigestFigures> {
  const { start, end } = period;
  const within = { gte: start, lt: end };
  const team = teamKey === null ? {} : { teamKey };
  const ofTeam = { request: team };

  const [created, offers, accepted, declined, unanswered, introduced, waitingRows, feedback, expired, paused] =
    await Promise.all([
      db.helpRequest.findMany({ where: { ...team, createdAt: within }, select: { teamKey: true, city: true } }),
      db.match.count({ where: { ...ofTeam, offeredAt: within } }),
      db.match.count({ where: { ...ofTeam, status: "accepted", respondedAt: within } }),
      db.match.count({ where: { ...ofTeam, status: "declined", respondedAt: within } }),
      db.match.count({ where: { ...ofTeam, status: "expired", respondedAt: within } }),
      db.match.findMany({
        where: { ...ofTeam, introducedAt: within },
        select: { request: { select: { teamKey: true } } },
      }),
      // Waiting at the end of the period: older than 48 h, neither closed nor introduced by then.
      db.helpRequest.findMany({
        where: {
          ...team,
          createdAt: { lt: new Date(end.getTime() - waitAfterMs) },
          OR: [{ closedAt: null }, { closedAt: { gt: end } }],
          NOT: { matches: { some: { introducedAt: { lte: end } } } },
          ...(period.live ? { status: { in: openStatuses } } : {}),
        },
        include: { matches: { where: { status: "offered" }, include: { expert: { select: { name: true } } } } },
        orderBy: { createdAt: "asc" },
      }),
      db.requestEvent.findMany({
        where: { type: "feedback", createdAt: within, request: team },
        select: { requestId: true },
        distinct: ["requestId"],
      }),
      // Quiet experts: offers left unanswered in the past week, and pauses during the period.
      db.match.findMany({
        where: { status: "expired", respondedAt: { gte: new Date(end.getTime() - weekMs), lt: end }, expert: team },
        select: { expert: { select: { id: true, name: true, externalId: true, paused: true } } },
      }),
      db.expert.findMany({
        where: { ...team, paused: true, active: true, updatedAt: within },
        select: { id: true, name: true, externalId: true },
      }),
    ]);

  const outcomes = await db.match.findMany({
    where: {
      requestId: { in: feedback.map((row) => row.requestId) },
      status: "accepted",
      OR: [{ outcome: { not: null } }, { rating: { not: null } }],
    },
    select: { outcome: true, rating: true },
  });

  const waiting: WaitingRequest[] = waitingRows.map((row) => ({
    code: row.code,
    teamKey: row.teamKey,
    city: row.city,
    reason: reasonOf(row.status, row.waitReason),
    hours: Math.floor((end.getTime() - row.createdAt.getTime()) / 3600_000),
    expert: row.matches[0]?.expert.name ?? null,
  }));

  const quiet = new Map<string, QuietExpert>();
  for (const { expert } of expired) {
    const entry = quiet.get(expert.id) ?? { ...expert, unanswered: 0 };
    entry.unanswered += 1;
    quiet.set(expert.id, entry);
  }
  for (const expert of paused) {
    const entry = quiet.get(expert.id);
    if (entry) entry.paused = true;
    else quiet.set(expert.id, { ...expert, unanswered: 0, paused: true });
  }

  const newByTeam = countBy(created, (row) => row.teamKey);
  const introByTeam = countBy(introduced, (match) => match.request.teamKey);
  const waitByTeam = countBy(waiting, (row) => row.teamKey);
  const teamKeys = [...new Set([...newByTeam.keys(), ...introByTeam.keys(), ...waitByTeam.keys()])];
  const teams = teamKeys
    .map((key) => ({
      teamKey: key,
      requests: newByTeam.get(key) ?? 0,
      introductions: introByTeam.get(key) ?? 0,
      waiting: waitByTeam.get(key) ?? 0,
    }))
    .sort((a, b) => b.requests + b.introductions - (a.requests + a.introductions) || b.waiting - a.waiting);

  const byTeam = [...newByTeam.entries()]
    .map(([key, count]) => ({
      teamKey: key,
      count,
      cities: [
        ...countBy(
          created.filter((row) => row.teamKey === key),
          (row) => row.city,
        ).entries(),
      ]
        .map(([city, n]) => ({ city, count: n }))
        .sort((a, b) => b.count - a.count),
    }))
    .sort((a, b) => b.count - a.count);

  return {
    newRequests: created.length,
    byTeam,
    offers,
    accepted,
    declined,
    unanswered,
    introductions: introduced.length,
    waiting,
    solved: outcomes.filter((row) => row.outcome === "solved").length,
    unsolved: outcomes.filter((row) => row.outcome === "unsolved").length,
    ratings: outcomes.flatMap((row) => (row.rating ? [row.rating] : [])),
    quiet: [...quiet.values()].sort((a, b) => b.unanswered - a.unanswered),
    teams,
  };
}
