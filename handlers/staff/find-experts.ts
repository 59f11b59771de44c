// `/find 数控 东莞` (staff): the match job's own retrieval over the whole profile (taxonomy and the profile's
// words), so that /find 无人机 finds the drone experts whatever their cells say. People holding the skill come
// first; a city narrows the list (or says who has it elsewhere); a name or employer is looked up when the
// words find nobody. A team leader searches its own team.

import { pausedAt } from "../../core/expert-pause.ts";
import { teamLabel } from "../../core/request-format.ts";
import { extractTeam } from "../../core/understanding/skills.ts";
import { requestFromText } from "../../jobs/matching/request-from-text.ts";
import { rankerFor } from "../../jobs/ranker.ts";
import { expertsByIds, expertsByNameOrEmployer } from "../../prisma/expert-profiles.ts";
import type { Expert } from "../../prisma/generated/client.ts";
import type { HandlerContext } from "../context.ts";
import { parseList } from "../profile/expert-card.ts";
import { teamScope } from "./roles.ts";

const shown = 10;
const searched = 200;

function servesCity(expert: Pick<Expert, "city" | "cities">, city: string): boolean {
  return expert.city === city || parseList(expert.cities).includes(city);
}

export async function findExperts(ctx: HandlerContext, args: string[]): Promise<void> {
  const { t, services, speaker, locale } = ctx;
  const words = args.join(" ").trim();
  if (!words) return ctx.reply(t("profile.find_usage"));
  const scope = teamScope(speaker);
  const named = extractTeam(words)?.key ?? null;
  if (scope && named && named !== scope) {
    return ctx.reply(t("roles.other_team", { team: teamLabel(scope, locale) ?? "—" }));
  }
  const team = scope ?? named;
  const now = new Date();
  const request = { ...requestFromText(words, now), mode: "either" as const };
  const { candidates } = await rankerFor(services.db).match({
    request,
    text: words,
    top: searched,
    now,
    withPaused: true,
  });
  // Holding a requested skill outranks sharing words with it; the ranking's order otherwise.
  const ordered = [...candidates.filter((c) => c.covers.length > 0), ...candidates.filter((c) => !c.covers.length)];
  let found = (
    await expertsByIds(
      services.db,
      ordered.map((c) => c.expertId),
    )
  ).filter((expert) => !team || expert.teamKey === team);
  if (found.length === 0 && !request.city && !named) {
    // Nothing in the profiles: the words may be a name or an employer.
    found = (await expertsByNameOrEmployer(services.db, words)).filter((expert) => !team || expert.teamKey === team);
  }
  const city = request.city;
  const inCity = city ? found.filter((expert) => servesCity(expert, city)) : found;
  const line = (expert: Expert) =>
    t("profile.find_line", {
      id: expert.externalId,
      name: expert.name,
      city: expert.city || "—",
      team: teamLabel(expert.teamKey, locale) ?? "—",
      skills: parseList(expert.skills).join(t("list.separator")) || "—",
      paused: pausedAt(expert.paused, expert.pausedUntil, now) ? t("profile.find_paused") : "",
    });
  if (inCity.length === 0) {
    // Nobody in that city: the same skill elsewhere is still worth a staff member's call.
    if (city && found.length > 0) {
      return ctx.reply([t("profile.find_elsewhere", { city }), ...found.slice(0, shown).map(line)].join("\n"));
    }
    return ctx.reply(t("profile.find_none", { query: words }));
  }
  const lines = inCity.slice(0, shown).map(line);
  if (inCity.length > shown) lines.push(t("profile.find_more", { count: inCity.length - shown }));
  await ctx.reply([t("profile.find_header", { count: inCity.length }), ...lines].join("\n"));
}
