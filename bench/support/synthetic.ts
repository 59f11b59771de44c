// Synthetic rosters and requests with a fixed seed, so every run ranks and stores the same data.
import { allCities } from "../../core/understanding/places.ts";
import { allSkills, skillEntry } from "../../core/understanding/skills.ts";
import type { ServiceMode } from "../../core/understanding/types.ts";
import type { ExpertProfile, RankQuery } from "../../jobs/matching/types.ts";
import type { Db } from "../../prisma/client.ts";

/** A fixed-seed generator (LCG). */
export function random(seed: number): () => number {
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

export function syntheticExperts(count: number, next: () => number): ExpertProfile[] {
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
      away: [],
      paused: next() < 0.03,
      pausedUntil: null,
      active: true,
      load: { openOffers: Math.floor(next() * 2), offersThisMonth: Math.floor(next() * 4) },
      outcomes: { accepted: 0, declined: 0, solved: Math.floor(next() * 2), ratingSum: 0, ratingCount: 0 },
    };
  });
}

export function syntheticQueries(count: number, next: () => number): RankQuery[] {
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

/**
 * Writes a synthetic roster into the database (service teams first), in batches. Load and outcomes are
 * not written: a fresh database has no offers. Nobody is paused, so every request finds candidates.
 */
export async function seedExperts(db: Db, profiles: readonly ExpertProfile[], batch = 2000): Promise<void> {
  const { ensureServiceTeams } = await import("../../prisma/roster/import-roster.ts");
  await ensureServiceTeams(db);
  for (let start = 0; start < profiles.length; start += batch) {
    const chunk = profiles.slice(start, start + batch);
    await db.expert.createMany({
      data: chunk.map((p) => ({
        id: p.id,
        externalId: p.externalId,
        name: p.name,
        honours: JSON.stringify(p.honours),
        employer: p.employer,
        title: p.title,
        city: p.city,
        teamKey: p.teamKey,
        skills: JSON.stringify(p.skills),
        achievements: p.achievements,
        canOnsite: p.canOnsite,
        canRemote: p.canRemote,
        cities: JSON.stringify(p.cities),
      })),
    });
    const slots = chunk.flatMap((p) =>
      p.slots.map((slot) => ({
        expertId: p.id,
        weekday: slot.weekday,
        date: slot.date,
        startMinute: slot.startMinute,
        endMinute: slot.endMinute,
      })),
    );
    if (slots.length > 0) await db.availability.createMany({ data: slots });
  }
}
