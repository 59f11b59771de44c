// `/stats`: the programme's figures, or a team leader's own service team's.

import { teamLabel } from "../../core/request-format.ts";
import { programmeCounts } from "../../prisma/staff-figures.ts";
import type { HandlerContext } from "../context.ts";
import { teamScope } from "./roles.ts";

export async function showStats(ctx: HandlerContext): Promise<void> {
  const { t, services, speaker, locale } = ctx;
  const team = teamScope(speaker);
  const counts = await programmeCounts(services.db, team);
  const figures = t("staff.stats", { ...counts });
  if (!team) return ctx.reply(figures);
  await ctx.reply(t("staff.stats_team", { team: teamLabel(team, locale) ?? team, figures }));
}
