// /digest: the staff digest now (since the speaker's last one), or `/digest 2026-11-20` as that day's
// digest read it. Sent privately: a digest names requests and experts, which a group should not see.
// The staff check is done by the command router before this runs.
import type { HandlerContext } from "../bot/context.ts";
import { composeDigest, scopeOf } from "../jobs/digest/compose-digest.ts";
import { livePeriod, parseDay, pastPeriod, shanghaiDay } from "../jobs/digest/digest-period.ts";

export async function sendDigestNow(ctx: HandlerContext, args: string[]): Promise<void> {
  const { t, services, speaker } = ctx;
  const { db, config } = services;
  const now = ctx.message.receivedAt;
  const today = shanghaiDay(now);
  const asked = args.join(" ").trim();
  const day = asked ? parseDay(asked) : today;
  if (!day) return ctx.reply(t("digest.bad_day", { text: asked }));
  if (day > today) return ctx.reply(t("digest.future_day", { day }));
  const person = await db.person.findUniqueOrThrow({ where: { id: speaker.personId } });
  let period = pastPeriod(day, config.DIGEST_TIME);
  if (day === today) {
    const last = await db.digestRun.findFirst({ where: { personId: person.id }, orderBy: { sentAt: "desc" } });
    period = livePeriod(now, last?.sentAt ?? null);
  }
  const parts = await composeDigest(services, { t, locale: ctx.locale, period, scopeTeam: scopeOf(person) });
  if (ctx.chat.kind === "group") await ctx.reply(t("digest.sent_privately"));
  for (const part of parts) await ctx.replyPrivately(part.message);
}
