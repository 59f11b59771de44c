// Ranks experts for a request, stores the candidates with score and reasons, and makes the first offer.

import { type RequestFields, requestSkills } from "../core/request-format.ts";
import teams from "../core/understanding/knowledge/teams.json" with { type: "json" };
import type { ParsedRequest, ServiceMode } from "../core/understanding/types.ts";
import { directSql } from "../prisma/client.ts";
import { newId, sqlDate } from "../prisma/direct-sql.ts";
import { requestsToMatch } from "../prisma/due-work.ts";
import type { JobDefinition, QueueModule } from "./job-system.ts";
import { handOff, tellStaffMissingRoles } from "./matching/hand-off.ts";
import { offerNext } from "./offer.ts";
import { repairingOrphans } from "./orphan-offers.ts";
import { type Ranker, rankerFor } from "./ranker.ts";
import type { Services } from "./services.ts";
import { planTeam } from "./team-roles.ts";

export const matchQueue = "match";

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

const matchable = new Set(["open", "matching", "unmatched"]);

/** The structured request as the ranker reads it, rebuilt from the stored row. */
export function parsedFromRow(
  row: Omit<RequestFields, "code" | "text"> & { kind: string | null; urgency: string | null },
): ParsedRequest {
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

type StoredRequest = Parameters<typeof parsedFromRow>[0] & { status: string; text: string; teamSize: number };

// Runs for every request: plain SQL (prisma/direct-sql.ts) rather than Prisma queries.
export async function matchRequest(services: Services, ranker: Ranker, requestId: number): Promise<void> {
  const { db, config } = services;
  const sql = directSql(db);
  const request = sql.get<StoredRequest>(
    `SELECT status, text, skills, teamKey, city, district, mode, windowStart, windowEnd, kind, urgency, teamSize
     FROM HelpRequest WHERE id = ?`,
    requestId,
  );
  if (!request || !matchable.has(request.status)) return;
  const earlier = sql.all<{ expertId: string }>("SELECT expertId FROM Match WHERE requestId = ?", requestId);
  const seen = new Set(earlier.map((match) => match.expertId));
  const parsed = parsedFromRow(request);
  const { candidates: ranked, partial } = await ranker.match({
    request: parsed,
    text: request.text,
    // Two skills may need a team: rank deeper so that both roles find candidates.
    top: parsed.skills.length >= 2 ? config.MATCH_CANDIDATES * 2 : config.MATCH_CANDIDATES,
    now: new Date(),
    exclude: seen,
    forOffer: true,
  });
  // Nobody clears the relevance floor: nobody is asked, and staff get the closest people instead.
  if (ranked.length === 0 && earlier.length === 0) return handOff(services, requestId, partial);
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
  const offset = earlier.length;
  await sql.write((tx) => {
    const now = sqlDate(new Date());
    for (const [index, candidate] of kept.entries()) {
      tx.run(
        `INSERT INTO Match (id, requestId, expertId, rank, score, reasons, status, assignedBy, role, createdAt, updatedAt)
         VALUES (?, ?, ?, ?, ?, ?, 'candidate', 'system', ?, ?, ?)`,
        newId(),
        requestId,
        candidate.expertId,
        offset + index + 1,
        candidate.score,
        JSON.stringify(candidate.reasons),
        roles.get(candidate.expertId) ?? null,
        now,
        now,
      );
    }
    tx.run(
      "UPDATE HelpRequest SET status = 'matching', teamSize = ?, updatedAt = ? WHERE id = ?",
      teamSize,
      now,
      requestId,
    );
    tx.run(
      "INSERT INTO RequestEvent (id, requestId, actor, type, detail, createdAt) VALUES (?, ?, 'system', ?, ?, ?)",
      newId(),
      requestId,
      teamSize > 1 ? "matched_team" : "matched",
      JSON.stringify({ count: kept.length }),
      now,
    );
  });
  if (plan.missing.length > 0) await tellStaffMissingRoles(services, requestId, plan.missing);
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
