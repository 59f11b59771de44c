// Ranks experts for a request, stores the candidates with score and reasons, and makes the first offer.
import type { Services } from "../bot/services.ts";
import { requestSkills } from "../handlers/request-format.ts";
import teams from "../handlers/understanding/knowledge/teams.json" with { type: "json" };
import type { ParsedRequest, ServiceMode } from "../handlers/understanding/types.ts";
import { jsonList } from "../prisma/json-list.ts";
import type { JobDefinition } from "./job-system.ts";
import type { RankedExpert, RankQuery } from "./matching/types.ts";
import { offerNext } from "./offer.ts";
import { assignRoles } from "./team-roles.ts";

export const matchQueue = "match";

export interface MatchPayload {
  requestId: number;
}

/** Ranks experts for a query; the engine behind it keeps its own index. */
export interface Ranker {
  rank(query: RankQuery): Promise<RankedExpert[]>;
}

const matchable = new Set(["open", "matching", "unmatched"]);

/** The structured request as the ranker reads it, rebuilt from the stored row. */
export function parsedFromRow(row: {
  skills: string;
  teamKey: string | null;
  city: string | null;
  district: string | null;
  mode: string;
  windowStart: string | null;
  windowEnd: string | null;
  kind: string | null;
  urgency: string | null;
}): ParsedRequest {
  const team = teams.find((candidate) => candidate.key === row.teamKey) ?? null;
  return {
    skills: requestSkills(row),
    team,
    city: row.city,
    district: row.district,
    mode: row.mode as ServiceMode,
    window: row.windowStart ? { start: row.windowStart, end: row.windowEnd ?? row.windowStart } : null,
    kind: row.kind as ParsedRequest["kind"],
    urgency: row.urgency as ParsedRequest["urgency"],
    enterprise: null,
    contact: null,
  };
}

export async function matchRequest(services: Services, ranker: Ranker, requestId: number): Promise<void> {
  const { db, config } = services;
  const request = await db.helpRequest.findUnique({ where: { id: requestId }, include: { matches: true } });
  if (!request || !matchable.has(request.status)) return;
  const seen = new Set(request.matches.map((match) => match.expertId));
  const parsed = parsedFromRow(request);
  const ranked = await ranker.rank({
    request: parsed,
    text: request.text,
    // Two skills may need a team: rank deeper so that both roles find candidates.
    top: parsed.skills.length >= 2 ? config.MATCH_CANDIDATES * 2 : config.MATCH_CANDIDATES,
    now: new Date(),
    exclude: seen,
  });
  const profiles = await db.expert.findMany({
    where: { id: { in: ranked.map((candidate) => candidate.expertId) } },
    select: { id: true, skills: true },
  });
  const skillsOf = new Map(profiles.map((expert) => [expert.id, jsonList(expert.skills)]));
  // A re-run keeps the team decision of the first run.
  const roles =
    request.matches.length > 0 && request.teamSize === 1
      ? new Map(ranked.map((candidate) => [candidate.expertId, null]))
      : assignRoles(
          parsed.skills.map((skill) => skill.key),
          ranked.map((candidate) => ({ expertId: candidate.expertId, skills: skillsOf.get(candidate.expertId) ?? [] })),
        );
  const teamSize = [...roles.values()].some((role) => role !== null) ? 2 : request.teamSize;
  const kept = ranked.filter((candidate) => roles.has(candidate.expertId));
  const offset = request.matches.length;
  await db.$transaction([
    ...kept.map((candidate, index) =>
      db.match.create({
        data: {
          requestId,
          expertId: candidate.expertId,
          rank: offset + index + 1,
          score: candidate.score,
          reasons: JSON.stringify(candidate.reasons),
          role: roles.get(candidate.expertId) ?? null,
        },
      }),
    ),
    db.helpRequest.update({ where: { id: requestId }, data: { status: "matching", teamSize } }),
    db.requestEvent.create({
      data: {
        requestId,
        actor: "system",
        type: teamSize > 1 ? "matched_team" : "matched",
        detail: JSON.stringify({ count: kept.length }),
      },
    }),
  ]);
  await offerNext(services, requestId);
}

export function matchJob(services: Services, ranker: Ranker): JobDefinition<MatchPayload> {
  return {
    queue: matchQueue,
    concurrency: 2,
    process: async ({ requestId }) => matchRequest(services, ranker, requestId),
  };
}
