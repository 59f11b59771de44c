// What an expert hears when answering an offer (by text or by a card button); the lifecycle applies
// the answer (jobs/lifecycle/answer-offer.ts).
import { shortTime } from "../core/calendar.ts";
import type { TranslationKey } from "../core/i18n.ts";
import type { OfferAnswer } from "../core/understanding/types.ts";
import { type AnswerOutcome, answerOffer as applyAnswer } from "../jobs/lifecycle/answer-offer.ts";
import type { HandlerContext } from "./context.ts";

const replyKeys: Record<AnswerOutcome["kind"], TranslationKey> = {
  no_offer: "offer.no_open_offer",
  not_yours: "offer.not_for_you",
  already_answered: "offer.already_answered",
  expired: "offer.expired",
  closed: "offer.closed",
  later: "offer.later_ack",
  declined: "offer.declined",
  accepted: "offer.accepted",
};

/** Applies an answer to an offer the speaker holds, and tells them what it did. */
export async function answerOffer(ctx: HandlerContext, matchId: string, answer: OfferAnswer): Promise<void> {
  const { services, t, speaker } = ctx;
  await applyAnswer(
    services,
    { matchId, expertId: speaker.expertId, personId: speaker.personId, answer },
    (outcome) => {
      if (outcome.kind === "later") {
        // "稍后" hears the real deadline, and when the one reminder comes if it is still to come.
        const deadline = shortTime(outcome.deadline);
        if (!outcome.remindAt) return ctx.reply(t("offer.later_ack_final", { code: outcome.code, deadline }));
        return ctx.reply(t("offer.later_ack", { code: outcome.code, deadline, remindAt: shortTime(outcome.remindAt) }));
      }
      return ctx.reply(t(replyKeys[outcome.kind], "code" in outcome ? { code: outcome.code } : {}));
    },
  );
}
