// The ranker behind the match job: an in-memory ExpertIndex that follows the database. Before each
// ranking it reloads only the experts whose roster entry, availability or offers changed since the
// last sync, and rebuilds fully every hour (monthly load rolls over, removed rows leave no trace).
import type { Db } from "../prisma/client.ts";
import { expertChanges, expertProfilePages, loadExpertProfiles } from "../prisma/expert-profiles.ts";
import { ExpertIndex } from "./matching/expert-index.ts";
import { matchExperts } from "./matching/rank.ts";
import type { MatchOutcome, RankedExpert, RankQuery } from "./matching/types.ts";

/** Ranks experts for a query; the engine behind it keeps its own index. */
export interface Ranker {
  rank(query: RankQuery): Promise<RankedExpert[]>;
  /** The ranking with the partial candidates below the relevance floor, for the hand-off to staff. */
  match(query: RankQuery): Promise<MatchOutcome>;
}

const fullRebuildMs = 3600 * 1000;
const maxIncremental = 500;
// Other processes write with their own clocks: look back a little further than the last sync.
const clockMarginMs = 2000;

const shared = new WeakMap<Db, Ranker>();

/** The process's one ranker for a database: the match worker and /find read the same index. */
export function rankerFor(db: Db): Ranker {
  let ranker = shared.get(db);
  if (!ranker) {
    ranker = createRanker(db);
    shared.set(db, ranker);
  }
  return ranker;
}

export function createRanker(db: Db): Ranker {
  let index: ExpertIndex | undefined;
  let builtAt = 0;
  let syncedAt = 0;
  let sync: Promise<ExpertIndex> | undefined;

  // The latest change of each expert already absorbed. The look-back window returns the same rows
  // again and again (at 30 requests/s, hundreds of experts); only a newer change is reloaded.
  let absorbed = new Map<string, string>();

  // Asked before every ranking: one plain-SQL statement (prisma/expert-profiles.ts).
  async function changedExpertIds(since: Date): Promise<string[]> {
    const rows = await expertChanges(db, since);
    const latest = new Map<string, string>();
    for (const { id, stamp } of rows) if (stamp > (latest.get(id) ?? "")) latest.set(id, stamp);
    const changed = [...latest].filter(([id, stamp]) => absorbed.get(id) !== stamp).map(([id]) => id);
    absorbed = latest;
    return changed;
  }

  async function rebuild(now: Date, started: number): Promise<ExpertIndex> {
    // Let the old index go first: two of them at once would double the worker's peak memory. Rankings wait
    // for this sync anyway.
    index = undefined;
    const built = await ExpertIndex.fromPages(expertProfilePages(db, now));
    builtAt = started;
    return built;
  }

  async function refresh(now: Date): Promise<ExpertIndex> {
    const started = Date.now();
    if (!index || started - builtAt > fullRebuildMs) {
      index = await rebuild(now, started);
    } else {
      const current = index;
      const changed = await changedExpertIds(new Date(syncedAt - clockMarginMs));
      if (changed.length > maxIncremental) {
        // A large import: one full load is cheaper than patching, and names no ids in a query.
        index = await rebuild(now, started);
      } else if (changed.length) {
        for (const profile of await loadExpertProfiles(db, now, changed)) current.upsert(profile);
      }
    }
    syncedAt = started;
    return index;
  }

  async function match(query: RankQuery): Promise<MatchOutcome> {
    // Concurrent match jobs share one refresh.
    sync ??= refresh(query.now).finally(() => {
      sync = undefined;
    });
    return matchExperts(await sync, query);
  }

  return {
    match,
    rank: async (query) => (await match(query)).candidates,
  };
}
