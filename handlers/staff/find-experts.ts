// `/find 数控 东莞` (staff): experts by skill (through the taxonomy, so 加工中心 finds 数控加工), city and
// service team; a name or employer when the words name none of those. A team leader searches its own team.

import { teamLabel } from "../../core/request-format.ts";
import { extractCities } from "../../core/understanding/places.ts";
import { extractSkills, extractTeam, relatedSkillKeys, skillsOfProfile } from "../../core/understanding/skills.ts";
import type { Expert } from "../../prisma/generated/client.ts";
import type { HandlerContext } from "../context.ts";
import { parseList } from "../profile/expert-card.ts";
import { teamScope } from "./roles.ts";

const shown = 10;
/** Below this a profile only brushes against the skill (a word in another skill's name). */
const minimumSkillScore = 0.5;

export interface ExpertQuery {
  skills: string[];
  city: string | null;
  team: string | null;
  words: string;
}

export function parseExpertQuery(text: string): ExpertQuery {
  return {
    skills: extractSkills(text).map((skill) => skill.key),
    city: extractCities(text)[0] ?? null,
    team: extractTeam(text)?.key ?? null,
    words: text.trim(),
  };
}

/** How well a profile holds the wanted skills: 1 per skill named in the roster, less for related ones. */
export function skillScore(expert: Pick<Expert, "skills">, wanted: readonly string[]): number {
  const held = new Map(skillsOfProfile(parseList(expert.skills)).map((skill) => [skill.key, skill.weight]));
  let score = 0;
  for (const key of wanted) {
    const related = Math.max(0, ...relatedSkillKeys(key).map((other) => held.get(other) ?? 0));
    score += Math.max(held.get(key) ?? 0, 0.5 * related);
  }
  return score;
}

function servesCity(expert: Pick<Expert, "city" | "cities">, city: string): boolean {
  return expert.city === city || parseList(expert.cities).includes(city);
}

export async function findExperts(ctx: HandlerContext, args: string[]): Promise<void> {
  const { t, services, speaker, locale } = ctx;
  const query = parseExpertQuery(args.join(" "));
  if (!query.words) return ctx.reply(t("profile.find_usage"));
  const scope = teamScope(speaker);
  if (scope && query.team && query.team !== scope) {
    return ctx.reply(t("roles.other_team", { team: teamLabel(scope, locale) ?? "—" }));
  }
  const team = scope ?? query.team;
  const experts = await services.db.expert.findMany({
    where: { active: true, ...(team ? { teamKey: team } : {}) },
    orderBy: { externalId: "asc" },
  });
  let ranked: { expert: Expert; score: number }[];
  if (query.skills.length === 0 && !query.city && !query.team) {
    // No skill, city or team in the words: they may be a name or an employer.
    ranked = experts
      .filter((expert) => expert.name.includes(query.words) || expert.employer.includes(query.words))
      .map((expert) => ({ expert, score: 1 }));
  } else {
    ranked = experts
      .map((expert) => ({ expert, score: query.skills.length ? skillScore(expert, query.skills) : 1 }))
      .filter((entry) => entry.score >= minimumSkillScore)
      .sort((a, b) => b.score - a.score);
  }
  const city = query.city;
  const inCity = city ? ranked.filter((entry) => servesCity(entry.expert, city)) : ranked;
  const line = (expert: Expert) =>
    t("profile.find_line", {
      id: expert.externalId,
      name: expert.name,
      city: expert.city || "—",
      team: teamLabel(expert.teamKey, locale) ?? "—",
      skills: parseList(expert.skills).join(t("list.separator")) || "—",
      paused: expert.paused ? t("profile.find_paused") : "",
    });
  if (inCity.length === 0) {
    // Nobody in that city: the same skill elsewhere is still worth a staff member's call.
    if (city && ranked.length > 0 && query.skills.length > 0) {
      const elsewhere = ranked.slice(0, shown).map((entry) => line(entry.expert));
      return ctx.reply([t("profile.find_elsewhere", { city }), ...elsewhere].join("\n"));
    }
    return ctx.reply(t("profile.find_none", { query: query.words }));
  }
  const lines = inCity.slice(0, shown).map((entry) => line(entry.expert));
  if (inCity.length > shown) lines.push(t("profile.find_more", { count: inCity.length - shown }));
  await ctx.reply([t("profile.find_header", { count: inCity.length }), ...lines].join("\n"));
}
