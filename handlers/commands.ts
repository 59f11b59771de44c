// Slash commands and 帮助/help. Every staff command checks the speaker's role first.
import type { HandlerContext } from "../bot/context.ts";
import { isStaff } from "../bot/people.ts";
import { createBinding } from "./account-binding.ts";
import { findRequestCode } from "./request-codes.ts";
import { skillLabels } from "./request-format.ts";
import { assignExpert, closeRequest, rematchRequest } from "./staff-override.ts";

const staffCommands = new Set([
  "bind",
  "requests",
  "request",
  "stats",
  "assign",
  "rematch",
  "close",
  "teams",
  "digest",
  "staff",
  "find",
  "expert",
]);

export async function handleCommand(ctx: HandlerContext): Promise<void> {
  const { t, understanding, speaker } = ctx;
  const name = (understanding.command?.name ?? "").toLowerCase();
  const args = understanding.command?.args ?? [];
  if (name === "help" || name === "start" || name === "帮助") return sendHelp(ctx);
  if (staffCommands.has(name)) {
    if (!isStaff(speaker.role)) return ctx.reply(t("errors.not_staff", { command: `/${name}` }));
    if (name === "requests") return listRequests(ctx, args[0]);
    if (name === "request") return showRequest(ctx, args.join(" "));
    if (name === "stats") return showStats(ctx);
    if (name === "assign") return assignExpert(ctx, args);
    if (name === "rematch") return rematchRequest(ctx, args);
    if (name === "close") return closeRequest(ctx, args);
    if (name === "bind") return createBinding(ctx, args);
  }
  return ctx.reply(t("errors.unknown_command", { command: `/${name}` }));
}

/** Help for what the speaker may do: enterprises, experts and staff each see their part. */
export async function sendHelp(ctx: HandlerContext): Promise<void> {
  const { t, speaker, services } = ctx;
  const bot = services.config.BOT_NAME;
  const parts = [t("help.intro", { bot }), t("help.enterprise", { bot })];
  if (speaker.expertId || isStaff(speaker.role)) parts.push(t("help.expert", { bot }));
  if (isStaff(speaker.role)) parts.push(t("help.staff", { bot }));
  await ctx.reply(parts.join("\n"));
}

async function listRequests(ctx: HandlerContext, filter: string | undefined): Promise<void> {
  const { t, locale, services } = ctx;
  const open = ["draft", "open", "matching", "offered", "unmatched"];
  const statuses = filter === "waiting" ? ["unmatched", "draft", "offered"] : filter === "all" ? undefined : open;
  const rows = await services.db.helpRequest.findMany({
    where: statuses ? { status: { in: statuses } } : {},
    orderBy: { id: "desc" },
    take: 20,
  });
  if (rows.length === 0) return ctx.reply(t("staff.no_requests"));
  const lines = rows.map((row) =>
    t("staff.request_line", {
      code: row.code,
      status: t(`status.${row.status}`),
      city: row.city ?? "—",
      skills: skillLabels(row, locale).join(t("list.separator")) || "—",
    }),
  );
  await ctx.reply([t("staff.requests_header", { count: rows.length }), ...lines].join("\n"));
}

async function showRequest(ctx: HandlerContext, argument: string): Promise<void> {
  const { t, services } = ctx;
  const code = findRequestCode(argument);
  const request = code
    ? await services.db.helpRequest.findUnique({
        where: { code },
        include: { events: { orderBy: { createdAt: "asc" } } },
      })
    : null;
  if (!request) return ctx.reply(t("intake.not_found", { code: code ?? argument }));
  const lines = request.events.map((event) => {
    let detail: Record<string, unknown> = {};
    try {
      detail = JSON.parse(event.detail) as Record<string, unknown>;
    } catch {
      detail = {};
    }
    const time = new Date(event.createdAt.getTime() + 8 * 3600 * 1000).toISOString().slice(5, 16).replace("T", " ");
    return t("staff.timeline_line", { time, event: t(`event.${event.type}`, detail) });
  });
  await ctx.reply(
    [
      t("staff.timeline_header", {
        code: request.code,
        status: t(`status.${request.status}`),
        text: request.text.slice(0, 80),
      }),
      ...lines,
    ].join("\n"),
  );
}

async function showStats(ctx: HandlerContext): Promise<void> {
  const { t, services } = ctx;
  const { db } = services;
  const [requests, open, introduced, experts, offers, accepted] = await Promise.all([
    db.helpRequest.count(),
    db.helpRequest.count({ where: { status: { in: ["open", "matching", "offered", "unmatched", "draft"] } } }),
    db.helpRequest.count({ where: { status: "introduced" } }),
    db.expert.count({ where: { active: true } }),
    db.match.count({ where: { offeredAt: { not: null } } }),
    db.match.count({ where: { status: "accepted" } }),
  ]);
  await ctx.reply(t("staff.stats", { requests, open, introduced, experts, offers, accepted }));
}
