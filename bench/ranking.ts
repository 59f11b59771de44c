// Ranking: index build time and mean time per request over synthetic rosters of given sizes, beside
// a plain full-text library (MiniSearch, BM25 over character bigrams) on the same profiles and the
// same requests in the same run. MiniSearch only finds text; ours also weighs place, mode, time,
// honours and load, so the ratio is the price of that.
import MiniSearch from "minisearch";
import { ExpertIndex } from "../jobs/matching/expert-index.ts";
import { rankExperts } from "../jobs/matching/rank.ts";
import type { ExpertProfile, RankQuery } from "../jobs/matching/types.ts";
import { against, type BenchLine, round, target } from "./support/lines.ts";
import { random, syntheticExperts, syntheticQueries } from "./support/synthetic.ts";

export type { BenchLine };

/** Character bigrams of CJK runs, lower-cased words otherwise: MiniSearch's own tokenizer splits on spaces only. */
function bigrams(text: string): string[] {
  const tokens: string[] = [];
  for (const run of text.toLowerCase().match(/[\p{Script=Han}]+|[a-z0-9]+/gu) ?? []) {
    if (!/\p{Script=Han}/u.test(run) || run.length === 1) tokens.push(run);
    else for (let i = 0; i + 1 < run.length; i++) tokens.push(run.slice(i, i + 2));
  }
  return tokens;
}

function miniSearchOf(profiles: readonly ExpertProfile[]): MiniSearch {
  const search = new MiniSearch({
    fields: ["skills", "achievements", "city", "honours"],
    storeFields: [],
    tokenize: bigrams,
    processTerm: (term) => term,
    searchOptions: { boost: { skills: 2 }, combineWith: "OR" },
  });
  search.addAll(
    profiles.map((p) => ({
      id: p.id,
      skills: p.skills.join(" "),
      achievements: p.achievements,
      city: p.city,
      honours: p.honours.join(" "),
    })),
  );
  return search;
}

function timePerQuery(queries: readonly RankQuery[], rank: (q: RankQuery) => unknown): number {
  for (const q of queries.slice(0, 30)) rank(q); // warm up
  const begin = performance.now();
  for (const q of queries) rank(q);
  return (performance.now() - begin) / queries.length;
}

const requestTargets: Record<number, number> = { 10000: 5, 100000: 40 };

export async function runRankingBench(sizes: number[]): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  for (const size of sizes) {
    const next = random(size);
    const profiles = syntheticExperts(size, next);
    const queries = syntheticQueries(300, next);

    let started = performance.now();
    const index = new ExpertIndex(profiles);
    const buildMs = performance.now() - started;
    started = performance.now();
    const search = miniSearchOf(profiles);
    const miniBuildMs = performance.now() - started;

    const perRequest = timePerQuery(queries, (q) => rankExperts(index, q));
    const miniPerRequest = timePerQuery(queries, (q) =>
      search.search(`${q.text} ${q.request.city ?? ""}`).slice(0, q.top),
    );
    const goal = requestTargets[size];
    lines.push(
      {
        name: "ranking.build",
        value: round(buildMs),
        unit: "ms",
        experts: size,
        ...against("ranking.minisearch_build", miniBuildMs, buildMs),
      },
      {
        name: "ranking.request",
        value: round(perRequest),
        unit: "ms",
        experts: size,
        requests: queries.length,
        ...against("ranking.minisearch_request", miniPerRequest, perRequest),
        ...(goal ? target(perRequest, { max: goal }) : {}),
      },
      { name: "ranking.minisearch_build", value: round(miniBuildMs), unit: "ms", experts: size },
      { name: "ranking.minisearch_request", value: round(miniPerRequest), unit: "ms", experts: size, requests: 300 },
    );
  }
  return lines;
}
