// Buttons of the digest card. "重新匹配 R-0042" re-runs matching, as /rematch R-0042 would. "指派 R-0042"
// answers with the request's best remaining candidates as buttons; pressing one assigns that expert, as
// /assign R-0042 E0123 would (the expert is asked for consent first).

import { cityLabel } from "../core/label.ts";
import { teamLabel } from "../core/request-format.ts";
import { isStaff } from "../prisma/people.ts";
import type { HandlerContext } from "./context.ts";
import { assignExpert, rematchRequest } from "./staff-override.ts";

/** Candidates offered to choose from: a card stays short on a phone. */
const choices = 3;
// Experts still worth asking: not the one who declined or let the offer lapse, not one offered right now.
const assignable = ["candidate", "skipped", "withdrawn"];

type DigestAction = "staff.rematch" | "staff.pick" | "staff.assign";

export function isDigestAction(action: string | undefined): action is DigestAction {
  return action === "staff.rematch" || action === "staff.pick" || action === "staff.assign";
}

export async function pressDigestButton(ctx: HandlerContext, action: DigestAction, args: string[]): Promise<void> {
  // The card went to staff, but a role can be taken away after it was sent.
  const command = action === "staff.rematch" ? "/rematch" : "/assign";
  if (!isStaff(ctx.speaker.role)) return ctx.reply(ctx.t("errors.not_staff", { command }));
  if (action === "staff.rematch") return rematchRequest(ctx, args.slice(0, 1));
  if (action === "staff.assign") return assignExpert(ctx, args.slice(0, 2));
  return offerCandidates(ctx, args[0] ?? "");
}

async function offerCandidates(ctx: HandlerContext, code: string): Promise<void> {
  const { services, t, locale } = ctx;
  const request = await services.db.helpRequest.findUnique({
    where: { code },
    include: {
      matches: {
        where: { status: { in: assignable }, expert: { active: true, paused: false } },
        orderBy: { rank: "asc" },
        take: choices,
        include: { expert: true },
      },
    },
  });
  if (!request) return ctx.reply(t("intake.not_found", { code }));
  if (request.matches.length === 0) return ctx.reply(t("digest.assign_none", { code }));
  const lines = request.matches.map(({ expert }, index) =>
    t("digest.assign_choice", {
      n: index + 1,
      name: expert.name,
      id: expert.externalId,
      team: teamLabel(expert.teamKey, locale) ?? "—",
      city: cityLabel(expert.city, locale) || "—",
    }),
  );
  await ctx.reply({
    kind: "card",
    text: [t("digest.assign_choose", { code }), ...lines].join("\n"),
    buttons: request.matches.map(({ expert }) => ({
      label: t("digest.assign_expert_button", { name: expert.name }),
      value: `staff.assign:${code}:${expert.externalId}`,
    })),
  });
}
