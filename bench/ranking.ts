// Ranking benchmark: index build time and mean time per request over synthetic rosters of given sizes.
import { allCities } from "../handlers/understanding/places.ts";
import { allSkills, skillEntry } from "../handlers/understanding/skills.ts";
import type { ServiceMode } from "../handlers/understanding/types.ts";
import { ExpertIndex } from "../jobs/matching/expert-index.ts";
import type { ExpertProfile, RankQuery } from "../jobs/matching/types.ts";

export interface BenchLine {
  name: string;
  value: number;
  unit: string;
  [context: string]: string | number | boolean;
}

// A fixed-seed generator, so every run ranks the same rosters.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const HONOURS = ["全国劳动模范", "广东省劳动模范", "南粤工匠", "大国工匠", "市劳动模范", "全国技术能手"];
const MODES: ServiceMode[] = ["onsite", "remote", "either"];

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)] as T;
}

function syntheticExperts(count: number, next: () => number): ExpertProfile[] {
  const skills = allSkills();
  const cities = allCities();
  return Array.from({ length: count }, (_, i) => {
    // Roster wording varies: sometimes the label, sometimes a synonym.
    const cells = Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
      const skill = pick(skills, next);
      const synonyms = skillEntry(skill.key)?.synonyms ?? [];
      return next() < 0.6 || synonyms.length === 0 ? skill.zh : pick(synonyms, next);
    });
    const remote = next() < 0.6;
    return {
      id: `bench-${i}`,
      externalId: `E${String(i).padStart(6, "0")}`,
      name: `专家${i}`,
      honours: next() < 0.7 ? [pick(HONOURS, next)] : [],
      employer: "",
      title: "",
      city: pick(cities, next),
      district: null,
      teamKey: pick(skills, next).team,
      skills: cells,
      achievements: `长期从事${cells[0]}工作`,
      canOnsite: !remote || next() < 0.5,
      canRemote: remote,
      cities: [],
      slots:
        next() < 0.3 ? [{ weekday: 1 + Math.floor(next() * 7), date: null, startMinute: 540, endMinute: 1080 }] : [],
      paused: next() < 0.03,
      active: true,
      load: { openOffers: Math.floor(next() * 2), offersThisMonth: Math.floor(next() * 4) },
      outcomes: { accepted: 0, declined: 0, solved: Math.floor(next() * 2), ratingSum: 0, ratingCount: 0 },
    };
  });
}

function syntheticQueries(count: number, next: () => number): RankQuery[] {
  const skills = allSkills();
  const cities = allCities();
  const now = new Date("2026-11-23T02:00:00Z");
  return Array.from({ length: count }, () => {
    const chosen = next() < 0.3 ? [pick(skills, next), pick(skills, next)] : [pick(skills, next)];
    return {
      request: {
        skills: chosen,
        team: null,
        city: pick(cities, next),
        district: null,
        mode: pick(MODES, next),
        window: next() < 0.5 ? { start: "2026-11-24", end: "2026-11-30" } : null,
        kind: null,
        urgency: null,
        enterprise: null,
        contact: null,
      },
      text: chosen.map((s) => s.zh).join("，"),
      top: 10,
      now,
    };
  });
}

export async function runRankingBench(sizes: number[]): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  for (const size of sizes) {
    const next = random(size);
    const profiles = syntheticExperts(size, next);
    const started = performance.now();
    const index = new ExpertIndex(profiles);
    const buildMs = performance.now() - started;
    lines.push({ name: "ranking.build", value: round(buildMs), unit: "ms", experts: size });

    const queries = syntheticQueries(300, next);
    for (const q of queries.slice(0, 30)) index.rank(q); // warm up
    const begin = performance.now();
    for (const q of queries) index.rank(q);
    const perRequest = (performance.now() - begin) / queries.length;
    lines.push({
      name: "ranking.request",
      value: round(perRequest),
      unit: "ms",
      experts: size,
      requests: queries.length,
    });
  }
  return lines;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
