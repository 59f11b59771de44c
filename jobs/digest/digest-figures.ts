// The figures of one digest: one period, one scope (every team, or the service team a team leader
// looks after), taken from the period's tally. Counts come from timestamps, so a past day reads right.
import type { DigestTally, QuietRow, TeamCount, WaitingRequest } from "./digest-tally.ts";

export type { WaitingRequest, WaitReason } from "./digest-tally.ts";

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
  /** New requests by team, then by city, largest first (ties: the one that happened first). */
  byTeam: { teamKey: string | null; count: number; cities: { city: string | null; count: number }[] }[];
  offers: number;
  accepted: number;
  declined: number;
  unanswered: number;
  introductions: number;
  /** Requests waiting over 48 h. */
  waitingCount: number;
  /** The oldest of them, oldest first: at least those a digest lists and those its buttons rematch. */
  waiting: WaitingRequest[];
  solved: number;
  unsolved: number;
  ratingCount: number;
  ratingSum: number;
  quiet: QuietExpert[];
  teams: TeamLine[];
}

const total = (rows: readonly { count: number }[]) => rows.reduce((sum, row) => sum + row.count, 0);

function countByTeam(rows: readonly TeamCount[]): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const row of rows) counts.set(row.teamKey, (counts.get(row.teamKey) ?? 0) + row.count);
  return counts;
}

/** Experts who let offers lapse (most lapses first), then those who paused. */
function quietExperts(lapsed: readonly QuietRow[], pauses: readonly QuietRow[]): QuietExpert[] {
  const quiet = new Map<string, QuietExpert>();
  for (const { id, name, externalId, unanswered, paused } of lapsed)
    quiet.set(id, { name, externalId, unanswered, paused });
  for (const { id, name, externalId } of pauses) {
    const entry = quiet.get(id);
    if (entry) entry.paused = true;
    else quiet.set(id, { name, externalId, unanswered: 0, paused: true });
  }
  return [...quiet.values()].sort((a, b) => b.unanswered - a.unanswered);
}

/** The figures of `teamKey` (null: every team) from a period's tally. */
export function figuresOf(tally: DigestTally, teamKey: string | null): DigestFigures {
  const inScope = <T extends { teamKey: string | null }>(rows: readonly T[]) =>
    teamKey === null ? rows : rows.filter((row) => row.teamKey === teamKey);
  const created = inScope(tally.created);
  const waitingTeams = inScope(tally.waiting);
  const outcomes = inScope(tally.outcomes);
  const rated = outcomes.filter((row) => row.rating !== null);

  const newByTeam = new Map<string | null, DigestFigures["byTeam"][number]>();
  for (const row of created) {
    const team = newByTeam.get(row.teamKey) ?? { teamKey: row.teamKey, count: 0, cities: [] };
    team.count += row.count;
    team.cities.push({ city: row.city, count: row.count });
    newByTeam.set(row.teamKey, team);
  }
  const introByTeam = countByTeam(inScope(tally.introductions));
  const waitByTeam = countByTeam(waitingTeams);
  // Teams in the order they first showed up: by a new request, then an introduction, then a waiting request.
  const teamKeys = [...new Set([...newByTeam.keys(), ...introByTeam.keys(), ...waitByTeam.keys()])];
  const teams = teamKeys
    .map((key) => ({
      teamKey: key,
      requests: newByTeam.get(key)?.count ?? 0,
      introductions: introByTeam.get(key) ?? 0,
      waiting: waitByTeam.get(key) ?? 0,
    }))
    .sort((a, b) => b.requests + b.introductions - (a.requests + a.introductions) || b.waiting - a.waiting);

  return {
    newRequests: total(created),
    byTeam: [...newByTeam.values()]
      .map((team) => ({ ...team, cities: team.cities.sort((a, b) => b.count - a.count) }))
      .sort((a, b) => b.count - a.count),
    offers: total(inScope(tally.offers)),
    accepted: total(inScope(tally.accepted)),
    declined: total(inScope(tally.declined)),
    unanswered: total(inScope(tally.unanswered)),
    introductions: total(inScope(tally.introductions)),
    waitingCount: total(waitingTeams),
    waiting: waitingTeams
      .flatMap((team) => team.oldest)
      .sort((a, b) => a.createdAt - b.createdAt || a.id - b.id)
      .map(({ createdAt: _createdAt, id: _id, ...row }) => row),
    solved: total(outcomes.filter((row) => row.outcome === "solved")),
    unsolved: total(outcomes.filter((row) => row.outcome === "unsolved")),
    ratingCount: total(rated),
    ratingSum: rated.reduce((sum, row) => sum + (row.rating ?? 0) * row.count, 0),
    quiet: quietExperts(inScope(tally.lapsed), inScope(tally.paused)),
    teams,
  };
}
