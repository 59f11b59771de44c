// /digest: the staff digest now (since the last one), or `/digest 2026-11-20` as that day's digest read
// it. Sent privately: a digest names requests and experts, which a group should not see — except in the
// staff chat of DIGEST_CHAT, which gets the chat's own digest right there.
// The staff check is done by the command router before this runs.

import { dayOf, parseDay } from "../core/calendar.ts";
import { composeDigest, scopeOf } from "../jobs/digest/compose-digest.ts";
import { chatLocale, isDigestChat } from "../jobs/digest/digest-chat.ts";
import type { DigestOwner } from "../jobs/digest/digest-once.ts";
import { type DigestPeriod, livePeriod, pastPeriod } from "../jobs/digest/digest-period.ts";
import { sendToChat, translate } from "../jobs/services.ts";
import { chatById, lastDigestSentAt, personById } from "../prisma/digest-repository.ts";
import type { HandlerContext } from "./context.ts";

/** The period of `day`'s digest: a past day as its digest read it, today since the owner's last digest. */
async function periodOf(ctx: HandlerContext, owner: DigestOwner, day: string): Promise<DigestPeriod> {
  const { db, config } = ctx.services;
  if (day !== dayOf(ctx.message.receivedAt)) return pastPeriod(day, config.DIGEST_TIME);
  return livePeriod(ctx.message.receivedAt, await lastDigestSentAt(db, owner));
}

export async function sendDigestNow(ctx: HandlerContext, args: string[]): Promise<void> {
  const { t, services, speaker, message } = ctx;
  const { db, config } = services;
  const today = dayOf(message.receivedAt);
  const asked = args.join(" ").trim();
  const day = asked ? parseDay(asked) : today;
  if (!day) return ctx.reply(t("digest.bad_day", { text: asked }));
  if (day > today) return ctx.reply(t("digest.future_day", { day }));

  if (isDigestChat(config, message.platform, ctx.chat.externalId)) {
    const chat = await chatById(db, ctx.chat.id);
    if (!chat) throw new Error(`chat ${ctx.chat.id} is not stored`);
    const locale = chatLocale(config, chat);
    const period = await periodOf(ctx, { chatId: chat.id }, day);
    const parts = await composeDigest(services, { t: translate(services, locale), locale, period, scopeTeam: null });
    // Not ctx.reply: the chat's cards are for every staff member in it, not only the one who asked.
    for (const part of parts) {
      const key = `in-${message.platform}-${message.messageId}-digest${part.suffix ? `-${part.suffix}` : ""}`;
      await sendToChat(services, { chatId: chat.id, key, message: part.message });
    }
    return;
  }

  const person = await personById(db, speaker.personId);
  if (!person) throw new Error(`person ${speaker.personId} is not stored`);
  const period = await periodOf(ctx, { personId: person.id }, day);
  const parts = await composeDigest(services, { t, locale: ctx.locale, period, scopeTeam: scopeOf(person) });
  if (ctx.chat.kind === "group") await ctx.reply(t("digest.sent_privately"));
  for (const part of parts) await ctx.replyPrivately(part.message);
}
