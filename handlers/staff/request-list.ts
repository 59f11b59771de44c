// `/requests [open|waiting|all] [team <team>]` and `/request R-0042` (the timeline), limited to a team
// leader's own service team.

import { shortTime } from "../../core/calendar.ts";
import { keyIn, type Locale, translator } from "../../core/i18n.ts";
import { label } from "../../core/label.ts";
import { describePlace, requestCities, skillLabels, teamLabel } from "../../core/request-format.ts";
import { resolveTeam, serviceTeams } from "../../core/roster/resolve-team.ts";
import { openRequestStatuses, waitingRequestStatuses } from "../../core/statuses.ts";
import { latestRequests, requestWithTimeline } from "../../prisma/request-listing.ts";
import type { HandlerContext } from "../context.ts";
import { findRequestCode } from "../request-codes.ts";
import { inScope, teamScope } from "./roles.ts";

const openStatuses = [...openRequestStatuses];
const waitingStatuses = [...waitingRequestStatuses];
const filterWords = new Set(["open", "waiting", "all"]);
const teamWords = new Set(["team", "服务队", "队"]);

/**
 * The status filter and team named in the arguments, with the team as written; team is undefined when
 * none was named, null when the programme has no such team.
 */
export function parseRequestFilter(args: readonly string[]): {
  filter: string;
  team: string | null | undefined;
  named: string;
} {
  let filter = "open";
  const rest: string[] = [];
  for (const arg of args) {
    const word = arg.toLowerCase();
    if (filterWords.has(word)) filter = word;
    else if (!teamWords.has(word)) rest.push(arg);
  }
  const named = rest.join(" ").trim();
  return { filter, team: named ? resolveTeam(named) : undefined, named };
}

/** Every service team by name, for a staff member who named one the programme does not have. */
export function teamNames(locale: Locale): string {
  return serviceTeams.map((team) => label(team, locale)).join(translator(locale)("list.separator"));
}

export async function listRequests(ctx: HandlerContext, args: string[]): Promise<void> {
  const { t, locale, services, speaker } = ctx;
  const { filter, team: named, named: written } = parseRequestFilter(args);
  if (named === null) return ctx.reply(t("staff.unknown_team", { team: written, examples: teamNames(locale) }));
  const scope = teamScope(speaker);
  if (scope !== null && named !== undefined && named !== scope) {
    return ctx.reply(t("roles.other_team", { team: teamLabel(scope, locale) ?? "—" }));
  }
  const team = scope ?? named ?? null;
  const statuses = filter === "waiting" ? waitingStatuses : filter === "all" ? undefined : openStatuses;
  const rows = await latestRequests(services.db, { statuses, team }, 20);
  if (rows.length === 0) return ctx.reply(t("staff.no_requests"));
  const lines = rows.map((row) =>
    t("staff.request_line", {
      code: row.code,
      status: t(keyIn("status", row.status)),
      city: requestCities(row).length > 1 ? describePlace(t, row, locale) : (row.city ?? "—"),
      skills: skillLabels(row, locale).join(t("list.separator")) || "—",
    }),
  );
  const header = team
    ? t("staff.requests_header_team", { count: rows.length, team: teamLabel(team, locale) ?? team })
    : t("staff.requests_header", { count: rows.length });
  await ctx.reply([header, ...lines].join("\n"));
}

export async function showRequest(ctx: HandlerContext, args: string[]): Promise<void> {
  const { t, services, speaker } = ctx;
  const argument = args.join(" ");
  const code = findRequestCode(argument);
  const request = code ? await requestWithTimeline(services.db, code) : null;
  if (!request) return ctx.reply(t("intake.not_found", { code: code ?? argument }));
  if (!inScope(speaker, request.teamKey)) return ctx.reply(t("roles.not_your_team", { code: request.code }));
  const lines = request.events.map((event) => {
    let detail: Record<string, unknown> = {};
    try {
      detail = JSON.parse(event.detail) as Record<string, unknown>;
    } catch {
      detail = {};
    }
    const time = shortTime(event.createdAt);
    return t("staff.timeline_line", { time, event: t(keyIn("event", event.type), detail) });
  });
  await ctx.reply(
    [
      t("staff.timeline_header", {
        code: request.code,
        status: t(keyIn("status", request.status)),
        text: request.text.slice(0, 80),
      }),
      ...lines,
    ].join("\n"),
  );
}
