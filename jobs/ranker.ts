// The ranker the match job uses. Interim: a plain scan over the experts with taxonomy skills and
// place; the indexed engine in jobs/matching replaces it.

import { regionOf } from "../handlers/understanding/places.ts";
import { skillsOfProfile } from "../handlers/understanding/skills.ts";
import type { Db } from "../prisma/client.ts";
import type { Ranker } from "./match.ts";
import type { RankedExpert } from "./matching/types.ts";

export function createRanker(db: Db): Ranker {
  return {
    rank: async (query) => {
      const experts = await db.expert.findMany({ where: { active: true, paused: false } });
      const wanted = new Set(query.request.skills.map((skill) => skill.key));
      const ranked: RankedExpert[] = [];
      for (const expert of experts) {
        if (query.exclude?.has(expert.id)) continue;
        const skills = skillsOfProfile(JSON.parse(expert.skills) as string[]);
        const fit = skills.filter((skill) => wanted.has(skill.key)).reduce((sum, skill) => sum + skill.weight, 0);
        if (wanted.size > 0 && fit === 0) continue;
        const city = query.request.city;
        const place = !city ? 0 : expert.city === city ? 1 : regionOf(expert.city) === regionOf(city) ? 0.5 : 0;
        const score = fit * 2 + place;
        const reasons: RankedExpert["reasons"] = skills
          .filter((skill) => wanted.has(skill.key))
          .map((skill) => ({ key: "skill", params: { skill: skill.key } }));
        if (place === 1 && city) reasons.push({ key: "same_city", params: { city } });
        ranked.push({ expertId: expert.id, externalId: expert.externalId, score, reasons });
      }
      return ranked.sort((a, b) => b.score - a.score).slice(0, query.top);
    },
  };
}
