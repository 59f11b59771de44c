// `/stats`: the programme's figures, or a team leader's own service team's.

import { teamLabel } from "../../core/request-format.ts";
import { type MatchStatus, openRequestStatuses, type RequestStatus } from "../../core/statuses.ts";
import type { HandlerContext } from "../context.ts";
import { teamScope } from "./roles.ts";

const openStatuses = [...openRequestStatuses];
const introducedStatus: RequestStatus = "introduced";
const acceptedStatus: MatchStatus = "accepted";

export async function showStats(ctx: HandlerContext): Promise<void> {
  const { t, services, speaker, locale } = ctx;
  const { db } = services;
  const team = teamScope(speaker);
  const ofTeam = team ? { teamKey: team } : {};
  const matchOfTeam = team ? { request: { teamKey: team } } : {};
  const [requests, open, introduced, experts, offers, accepted] = await Promise.all([
    db.helpRequest.count({ where: ofTeam }),
    db.helpRequest.count({ where: { ...ofTeam, status: { in: openStatuses } } }),
    db.helpRequest.count({ where: { ...ofTeam, status: introducedStatus } }),
    db.expert.count({ where: { ...ofTeam, active: true } }),
    db.match.count({ where: { ...matchOfTeam, offeredAt: { not: null } } }),
    db.match.count({ where: { ...matchOfTeam, status: acceptedStatus } }),
  ]);
  const figures = t("staff.stats", { requests, open, introduced, experts, offers, accepted });
  if (!team) return ctx.reply(figures);
  await ctx.reply(t("staff.stats_team", { team: teamLabel(team, locale) ?? team, figures }));
}
