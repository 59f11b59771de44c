// Small builders for expert profiles and requests, so tests state only what matters to them.
import { skillByKey } from "../../core/understanding/skills.ts";
import type { ParsedRequest, ServiceMode } from "../../core/understanding/types.ts";
import type { ExpertProfile, RankQuery } from "../../jobs/matching/types.ts";

let counter = 0;

export function expert(overrides: Partial<ExpertProfile> & { externalId: string }): ExpertProfile {
  counter++;
  return {
    id: `db-${overrides.externalId}-${counter}`,
    name: overrides.externalId,
    honours: [],
    employer: "",
    title: "",
    city: "广州",
    district: null,
    teamKey: null,
    skills: [],
    achievements: "",
    canOnsite: true,
    canRemote: false,
    cities: [],
    slots: [],
    away: [],
    paused: false,
    pausedUntil: null,
    active: true,
    load: { openOffers: 0, offersThisMonth: 0 },
    outcomes: { accepted: 0, declined: 0, solved: 0, ratingSum: 0, ratingCount: 0 },
    ...overrides,
  };
}

export function request(
  skills: string[],
  city: string | null,
  mode: ServiceMode,
  extra: Partial<ParsedRequest> = {},
): ParsedRequest {
  return {
    skills: skills.map((key) => {
      const skill = skillByKey(key);
      if (!skill) throw new Error(`unknown skill ${key}`);
      return skill;
    }),
    team: null,
    city,
    district: null,
    mode,
    window: null,
    kind: null,
    urgency: null,
    enterprise: null,
    contact: null,
    ...extra,
  };
}

export const NOW = new Date("2026-11-23T02:00:00Z");

export function query(parsed: ParsedRequest, top = 10, text = ""): RankQuery {
  return { request: parsed, text, top, now: NOW };
}
