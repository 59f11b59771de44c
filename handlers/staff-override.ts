// Staff step in on a request: assign an expert, re-run matching, close it. The lifecycle does it
// (jobs/lifecycle/staff-actions.ts); this words the answers.

import { keyIn } from "../core/i18n.ts";
import { skillByKey } from "../core/understanding/skills.ts";
import { refusalText } from "../jobs/lifecycle/may-ask-expert.ts";
import * as lifecycle from "../jobs/lifecycle/staff-actions.ts";
import { findRequestByCode } from "../prisma/requests.ts";
import type { HandlerContext } from "./context.ts";
import { findRequestCode } from "./request-codes.ts";

/** "用法：/assign R-0001 D001 — 指派专家": what a command needs, for a command typed without it. */
function usage(ctx: HandlerContext, command: "assign" | "rematch" | "close") {
  return ctx.reply(ctx.t("staff.usage", { usage: ctx.t(keyIn("help.commands", command)) }));
}

async function requestFromArgs(ctx: HandlerContext, args: string[], command: "assign" | "rematch" | "close") {
  const code = findRequestCode(args.join(" "));
  if (!code && args.join("").trim() === "") {
    await usage(ctx, command);
    return null;
  }
  const request = code ? await findRequestByCode(ctx.services.db, code) : null;
  if (!request) await ctx.reply(ctx.t("intake.not_found", { code: code ?? args.join(" ") }));
  return request;
}

/**
 * /assign R-0001 D001, or /assign R-0001 D001 PLC编程 for the role a team member takes (a role the roster
 * could not fill is taken by default, so the plain form fills it too).
 */
export async function assignExpert(ctx: HandlerContext, args: string[]): Promise<void> {
  const { services, t, speaker, locale } = ctx;
  const request = await requestFromArgs(ctx, args, "assign");
  if (!request) return;
  const words = args.filter((arg) => !findRequestCode(arg));
  const who = words.join(" ").trim();
  if (!who) return usage(ctx, "assign");
  let outcome = await lifecycle.assignExpert(services, request, who, speaker.personId);
  // A name never holds a space; after the roster id or name, the rest names the role.
  if (outcome.kind === "expert_not_found" && words.length > 1) {
    outcome = await lifecycle.assignExpert(
      services,
      request,
      words[0] ?? "",
      speaker.personId,
      words.slice(1).join(" "),
    );
  }
  const code = request.code;
  const roleLabel = (key: string) => {
    const skill = skillByKey(key);
    return skill ? (locale === "en" ? skill.en : skill.zh) : key;
  };
  switch (outcome.kind) {
    case "closed":
      return ctx.reply(t("intake.already_closed", { code }));
    case "expert_not_found":
      return ctx.reply(t("staff.expert_not_found", { who }));
    case "unknown_role":
      return ctx.reply(
        t("staff.assign_unknown_role", {
          code,
          roles: outcome.roles.map(roleLabel).join(t("list.separator")),
          first: roleLabel(outcome.roles[0] ?? ""),
        }),
      );
    case "refused":
      return ctx.reply(
        refusalText(t, outcome.reason, { code, expert: outcome.expert, pausedUntil: outcome.pausedUntil }),
      );
    case "assigned":
      return ctx.reply(
        outcome.role === null
          ? t("staff.assigned", { code, expert: outcome.expert })
          : t("staff.assigned_role", { code, expert: outcome.expert, role: roleLabel(outcome.role) }),
      );
  }
}

export async function rematchRequest(ctx: HandlerContext, args: string[]): Promise<void> {
  const { services, t, speaker } = ctx;
  const request = await requestFromArgs(ctx, args, "rematch");
  if (!request) return;
  const outcome = await lifecycle.rematchRequest(services, request, speaker.personId);
  await ctx.reply(t(outcome === "closed" ? "intake.already_closed" : "staff.rematching", { code: request.code }));
}

export async function closeRequest(ctx: HandlerContext, args: string[]): Promise<void> {
  const { services, t, speaker } = ctx;
  const request = await requestFromArgs(ctx, args, "close");
  if (!request) return;
  const outcome = await lifecycle.closeRequest(services, request, speaker.personId);
  await ctx.reply(t(outcome === "closed" ? "intake.already_closed" : "staff.closed", { code: request.code }));
}
