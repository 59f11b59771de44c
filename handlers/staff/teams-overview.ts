// `/teams`: one line per service team — experts, open requests, introductions this month.

import { monthOf, monthRange } from "../../core/calendar.ts";
import { label } from "../../core/label.ts";
import { serviceTeams } from "../../core/roster/resolve-team.ts";
import { teamCounts } from "../../prisma/staff-figures.ts";
import type { HandlerContext } from "../context.ts";
import { teamScope } from "./roles.ts";

const openStatuses = ["draft", "open", "matching", "offered", "unmatched"];

export async function showTeams(ctx: HandlerContext): Promise<void> {
  const { t, services, speaker, locale } = ctx;
  const month = monthRange(monthOf(new Date()));
  if (!month) return;
  const scope = teamScope(speaker);
  const counts = await teamCounts(services.db, openStatuses, month);
  const teams = serviceTeams.filter((team) => scope === null || team.key === scope);
  const lines = teams.map((team) =>
    t("staff.team_line", {
      team: label(team, locale),
      experts: counts.experts.get(team.key) ?? 0,
      open: counts.open.get(team.key) ?? 0,
      introduced: counts.introduced.get(team.key) ?? 0,
    }),
  );
  await ctx.reply([t("staff.teams_header", { month: monthOf(new Date()) }), ...lines].join("\n"));
}
