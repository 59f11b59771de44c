// An expert answers an offer in words: "接受 R-0042", "这次不方便", "accept", or a numbered choice.
import { matchOf, openOffersOf } from "../prisma/matches.ts";
import { findRequestByCode } from "../prisma/requests.ts";
import type { HandlerContext } from "./context.ts";
import { answerOffer } from "./offer-answer.ts";

export async function handleOfferReply(ctx: HandlerContext): Promise<void> {
  const { services, speaker, t, understanding } = ctx;
  const reply = understanding.offerReply;
  if (!reply) return;
  const { db } = services;
  if (reply.code) {
    const request = await findRequestByCode(db, reply.code);
    if (!request) return ctx.reply(t("intake.not_found", { code: reply.code }));
    if (!speaker.expertId) return ctx.reply(t("offer.not_expert"));
    const match = await matchOf(db, request.id, speaker.expertId);
    if (!match || match.status === "candidate" || match.status === "skipped") {
      return ctx.reply(t("offer.no_open_offer"));
    }
    return answerOffer(ctx, match.id, reply.answer);
  }
  if (!speaker.expertId) return ctx.reply(t("offer.not_expert"));
  const open = await openOffersOf(db, speaker.expertId);
  const [only] = open;
  if (!only) return ctx.reply(t("offer.no_open_offer"));
  if (open.length > 1) {
    const codes = open.map((match) => match.code);
    return ctx.reply(t("offer.which", { codes: codes.join(t("list.separator")), first: codes[0] }));
  }
  return answerOffer(ctx, only.id, reply.answer);
}
