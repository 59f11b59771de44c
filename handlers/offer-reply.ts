// An expert answers an offer in words: "接受 R-0042", "这次不方便", "accept", or a numbered choice.
import type { HandlerContext } from "./context.ts";
import { answerOffer } from "./offer-answer.ts";

export async function handleOfferReply(ctx: HandlerContext): Promise<void> {
  const { services, speaker, t, understanding } = ctx;
  const reply = understanding.offerReply;
  if (!reply) return;
  const { db } = services;
  if (reply.code) {
    const request = await db.helpRequest.findUnique({ where: { code: reply.code } });
    if (!request) return ctx.reply(t("intake.not_found", { code: reply.code }));
    if (!speaker.expertId) return ctx.reply(t("offer.not_expert"));
    const match = await db.match.findUnique({
      where: { requestId_expertId: { requestId: request.id, expertId: speaker.expertId } },
    });
    if (!match || match.status === "candidate" || match.status === "skipped") {
      return ctx.reply(t("offer.no_open_offer"));
    }
    return answerOffer(ctx, match.id, reply.answer);
  }
  if (!speaker.expertId) return ctx.reply(t("offer.not_expert"));
  const open = await db.match.findMany({
    where: { expertId: speaker.expertId, status: "offered" },
    include: { request: true },
    orderBy: { offeredAt: "desc" },
  });
  const [only] = open;
  if (!only) return ctx.reply(t("offer.no_open_offer"));
  if (open.length > 1) {
    const codes = open.map((match) => match.request.code);
    return ctx.reply(t("offer.which", { codes: codes.join(t("list.separator")), first: codes[0] }));
  }
  return answerOffer(ctx, only.id, reply.answer);
}
