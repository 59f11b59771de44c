// `/expert 李政` or `/expert D001` (staff): the expert's profile card. The phone shows only in a private
// chat, so that a staff member reading a card in a group does not hand it to everyone there.
import type { HandlerContext } from "../context.ts";
import { expertCard } from "./expert-card.ts";
import { findExpert } from "./find-expert.ts";

export async function showExpert(ctx: HandlerContext, args: string[]): Promise<void> {
  const { t, services, locale, chat } = ctx;
  const who = args.join(" ").trim();
  if (!who) return ctx.reply(t("profile.expert_usage"));
  const found = await findExpert(services.db, who);
  if (found.kind === "none") return ctx.reply(t("staff.expert_not_found", { who }));
  if (found.kind === "several") {
    const names = found.experts.map((expert) => `${expert.externalId} ${expert.name}`).join(t("list.separator"));
    return ctx.reply(t("profile.which_expert", { who, names }));
  }
  const phone = chat.kind === "direct" ? "show" : "private";
  await ctx.reply(await expertCard(services.db, t, locale, found.expert, { phone }));
}
