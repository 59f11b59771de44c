// A button press on a card. Anyone in a group can press a button, so the press counts only for the
// person the card was sent to. The card's buttons are routed by action (`action:arg…`) through the composer.

import type { OfferAnswer } from "../core/understanding/types.ts";
import { outboundWithKey } from "../prisma/outbox-repository.ts";
import { Composer, type Middleware, pressedAction } from "./composer.ts";
import type { HandlerContext } from "./context.ts";
import { isDigestAction, pressDigestButton } from "./digest-buttons.ts";
import { recordFeedback } from "./feedback.ts";
import { answerOffer } from "./offer-answer.ts";

const offerAnswers: Record<string, OfferAnswer> = {
  "offer.accept": "accept",
  "offer.decline": "decline",
  "offer.later": "later",
};

const noCard = (ctx: HandlerContext) => ctx.reply(ctx.t("errors.no_card"));

/** A press goes on only for a card this bot sent, a button it had, pressed by the person it was for. */
const pressCounts: Middleware = async (ctx, next) => {
  const { message, services, speaker, t } = ctx;
  const press = message.press;
  if (!press?.cardId) return noCard(ctx);
  const card = await outboundWithKey(services.db, press.cardId);
  if (card?.kind !== "card") return noCard(ctx);
  if (!press.value) return ctx.reply(t("errors.no_button", { n: press.index ?? "?" }));
  if (card.personId && card.personId !== speaker.personId) return ctx.reply(t("offer.not_for_you"));
  return next();
};

const presses = new Composer()
  .use(pressCounts)
  .action(Object.keys(offerAnswers), async (ctx, [matchId], action) => {
    const answer = offerAnswers[action];
    return answer && matchId ? answerOffer(ctx, matchId, answer) : noCard(ctx);
  })
  .use(async (ctx, next) => {
    const pressed = pressedAction(ctx);
    if (!pressed || !isDigestAction(pressed.action) || !pressed.args[0]) return next();
    return pressDigestButton(ctx, pressed.action, pressed.args);
  })
  .action(["followup.solved", "followup.unsolved"], async (ctx, [matchId], action) => {
    if (!matchId) return noCard(ctx);
    return recordFeedback(ctx, matchId, { outcome: action === "followup.solved" ? "solved" : "unsolved" });
  })
  .use(noCard);

/** Card presses never reach the text features: a press nobody takes is answered "no such card". */
export function register(router: Composer): void {
  router.filter((ctx) => Boolean(ctx.message.press), presses.middleware());
}
