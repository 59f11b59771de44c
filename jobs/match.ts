// Ranks experts for a request, stores the candidates with score and reasons, and makes the first offer.

import { type RequestFields, requestCities, requestSkills } from "../core/request-format.ts";
import { inSet, matchableRequestStatuses } from "../core/statuses.ts";
import teams from "../core/understanding/knowledge/teams.json" with { type: "json" };
import type { ParsedRequest, ServiceMode } from "../core/understanding/types.ts";
import { requestsToMatch } from "../prisma/due-work.ts";
import { insertCandidates, requestForMatching } from "../prisma/requests.ts";
import type { JobDefinition, QueueModule } from "./job-system.ts";
import { honourNamedExpert } from "./lifecycle/named-expert.ts";
import { offerNext } from "./lifecycle/offer-next.ts";
import { matchQueue } from "./lifecycle/queues.ts";
import { handOff, tellStaffMissingRoles } from "./matching/hand-off.ts";
import { repairingOrphans } from "./orphan-offers.ts";
import { type Ranker, rankerFor } from "./ranker.ts";
import type { Services } from "./services.ts";
import { coveredSkills, planTeam } from "./team-roles.ts";

export { matchQueue };

export interface MatchPayload {
  requestId: number;
  /** Which run over the request ("new", "rematch-…", "resume-…"): a new run is never swallowed by an old job id. */
  run: string;
}

declare module "../core/ports.ts" {
  interface Jobs {
    match: MatchPayload;
  }
}

/** The structured request as the ranker reads it, rebuilt from the stored row. */
export function parsedFromRow(
  row: Omit<RequestFields, "code" | "text"> & { kind: string | null; urgency: string | null },
): ParsedRequest {
  const team = teams.find((candidate) => candidate.key === row.teamKey) ?? null;
  const cities = requestCities(row);
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
    ...(cities.length > 1 ? { cities } : {}),
  };
}

// Runs for every request: plain SQL on the synchronous connection (prisma/requests.ts).
export async function matchRequest(services: Services, ranker: Ranker, requestId: number): Promise<void> {
  const { db, config } = services;
  const request = await requestForMatching(db, requestId);
  if (!request || !inSet(matchableRequestStatuses, request.status)) return;
  const earlier = request.earlierExperts;
  const parsed = parsedFromRow(request);
  const { candidates: ranked, partial } = await ranker.match({
    request: parsed,
    text: request.text,
    // Two skills may need a team: rank deeper so that both roles find candidates.
    top: parsed.skills.length >= 2 ? config.MATCH_CANDIDATES * 2 : config.MATCH_CANDIDATES,
    now: new Date(),
    exclude: new Set(earlier),
    forOffer: true,
  });
  const named = { id: requestId, code: request.code, text: request.text, mode: request.mode };
  // Nobody clears the relevance floor: nobody is asked, and staff get the closest people instead (unless the
  // enterprise named an expert who may be asked).
  if (ranked.length === 0 && earlier.length === 0) {
    if (await honourNamedExpert(services, named, new Set(), () => null)) return offerNext(services, requestId);
    return handOff(services, requestId, partial);
  }
  // A re-run keeps the team decision of the first run.
  const plan =
    earlier.length > 0 && request.teamSize === 1
      ? { roles: new Map(ranked.map((candidate) => [candidate.expertId, null])), missing: [] }
      : planTeam(
          parsed.skills.map((skill) => skill.key),
          ranked,
        );
  const { roles } = plan;
  const teamSize = [...roles.values()].some((role) => role !== null) ? 2 : request.teamSize;
  // The plan's order: for one expert, those covering every skill come first.
  const kept = [...roles.keys()].flatMap((id) => ranked.filter((candidate) => candidate.expertId === id));
  await insertCandidates(db, {
    requestId,
    offset: earlier.length,
    candidates: kept.map((candidate) => ({
      expertId: candidate.expertId,
      score: candidate.score,
      reasons: candidate.reasons,
      role: roles.get(candidate.expertId) ?? null,
    })),
    teamSize,
    event: { actor: "system", type: teamSize > 1 ? "matched_team" : "matched", detail: { count: kept.length } },
  });
  if (plan.missing.length > 0) await tellStaffMissingRoles(services, requestId, plan.missing);
  // The expert the enterprise asked for by name goes first: in a team, in the role their skills cover.
  const teamRoles = [...new Set([...roles.values()].filter((role) => role !== null))];
  await honourNamedExpert(services, named, new Set(earlier), (skills) =>
    teamSize > 1 ? (coveredSkills(skills, teamRoles)[0] ?? teamRoles[0] ?? null) : null,
  );
  await offerNext(services, requestId);
}

/** Match jobs one process runs at once: ranking is CPU, the rest waits on SQLite and Redis, so a few overlap. */
export const matchConcurrency = 4;

export function matchJob(services: Services, ranker: Ranker): JobDefinition<MatchPayload> {
  return {
    queue: matchQueue,
    concurrency: matchConcurrency,
    process: async ({ requestId }) => matchRequest(services, ranker, requestId),
  };
}

/** Registry entry (jobs/registry.ts): one ranker per process; open requests are ranked again at recovery. */
export const match: QueueModule<"match"> = {
  jobId: ({ requestId, run }) => `match-${requestId}-${run}`,
  workers: ({ services }) => [repairingOrphans(services, matchJob(services, rankerFor(services.db)))],
  resume: async ({ services }) => {
    for (const request of await requestsToMatch(services.db)) {
      await services.enqueue("match", { requestId: request.id, run: `resume-${request.updatedAt.getTime()}` });
    }
  },
};
