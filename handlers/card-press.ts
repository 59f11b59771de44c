// A button press on a card. Anyone in a group can press a button, so the press counts only for the
// person the card was sent to.

import type { OfferAnswer } from "../core/understanding/types.ts";
import type { HandlerContext } from "./context.ts";
import { isDigestAction, pressDigestButton } from "./digest-buttons.ts";
import { recordFeedback } from "./feedback.ts";
import { answerOffer } from "./offer-answer.ts";

const offerAnswers: Record<string, OfferAnswer> = {
  "offer.accept": "accept",
  "offer.decline": "decline",
  "offer.later": "later",
};

export async function handleCardPress(ctx: HandlerContext): Promise<void> {
  const { message, services, speaker, t } = ctx;
  const press = message.press;
  if (!press?.cardId) return ctx.reply(t("errors.no_card"));
  const card = await services.db.outboundMessage.findUnique({ where: { key: press.cardId } });
  if (card?.kind !== "card") return ctx.reply(t("errors.no_card"));
  if (!press.value) return ctx.reply(t("errors.no_button", { n: press.index ?? "?" }));
  if (card.personId && card.personId !== speaker.personId) return ctx.reply(t("offer.not_for_you"));
  const [action, argument, ...rest] = press.value.split(":");
  const answer = action ? offerAnswers[action] : undefined;
  if (answer && argument) return answerOffer(ctx, argument, answer);
  if (isDigestAction(action) && argument) return pressDigestButton(ctx, action, [argument, ...rest]);
  if ((action === "followup.solved" || action === "followup.unsolved") && argument) {
    return recordFeedback(ctx, argument, { outcome: action === "followup.solved" ? "solved" : "unsolved" });
  }
  return ctx.reply(t("errors.no_card"));
}
