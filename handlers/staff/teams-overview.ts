// `/teams`: one line per service team — experts, open requests, introductions this month.

import { monthOf, monthRange } from "../../core/calendar.ts";
import { label } from "../../core/label.ts";
import { serviceTeams } from "../../core/roster/resolve-team.ts";
import type { HandlerContext } from "../context.ts";
import { teamScope } from "./roles.ts";

const openStatuses = ["draft", "open", "matching", "offered", "unmatched"];

/** How many rows fall in each team, from a Prisma groupBy on teamKey. */
function countsByTeam(groups: { teamKey: string | null; _count: { _all: number } }[]): Map<string | null, number> {
  return new Map(groups.map((group) => [group.teamKey, group._count._all]));
}

export async function showTeams(ctx: HandlerContext): Promise<void> {
  const { t, services, speaker, locale } = ctx;
  const { db } = services;
  const month = monthRange(monthOf(new Date()));
  if (!month) return;
  const scope = teamScope(speaker);
  const [experts, open, introductions] = await Promise.all([
    db.expert.groupBy({ by: ["teamKey"], where: { active: true }, _count: { _all: true } }),
    db.helpRequest.groupBy({ by: ["teamKey"], where: { status: { in: openStatuses } }, _count: { _all: true } }),
    // A request counts once when it is introduced, however many experts it took (as in the monthly report).
    db.requestEvent.findMany({
      where: { type: "introduced", createdAt: { gte: month.from, lt: month.to } },
      select: { request: { select: { teamKey: true } } },
    }),
  ]);
  const expertCounts = countsByTeam(experts);
  const openCounts = countsByTeam(open);
  const introduced = new Map<string | null, number>();
  for (const event of introductions) {
    introduced.set(event.request.teamKey, (introduced.get(event.request.teamKey) ?? 0) + 1);
  }
  const teams = serviceTeams.filter((team) => scope === null || team.key === scope);
  const lines = teams.map((team) =>
    t("staff.team_line", {
      team: label(team, locale),
      experts: expertCounts.get(team.key) ?? 0,
      open: openCounts.get(team.key) ?? 0,
      introduced: introduced.get(team.key) ?? 0,
    }),
  );
  await ctx.reply([t("staff.teams_header", { month: monthOf(new Date()) }), ...lines].join("\n"));
}
