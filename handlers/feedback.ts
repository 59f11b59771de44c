// Outcomes after a visit: "解决了" / "还没解决" (buttons or words) and a 1–5 rating ("5分"). They are kept
// on the match and in the request's timeline, and feed future ranking and the digest.
import { recordIntroductionFeedback } from "../jobs/lifecycle/feedback.ts";
import { latestIntroduction } from "../prisma/match-feedback.ts";
import { findMatch } from "../prisma/matches.ts";
import type { HandlerContext } from "./context.ts";

type Outcome = "solved" | "unsolved";

/** The introduction a speaker's feedback is about: the one the code names, else their latest. */
function introductionFor(ctx: HandlerContext, code: string | null | undefined) {
  const { speaker } = ctx;
  return latestIntroduction(ctx.services.db, {
    personId: speaker.personId,
    expertId: speaker.expertId ?? null,
    code: code ?? null,
  });
}

/** Records an outcome and/or rating for an introduction the speaker took part in, and thanks them. */
export async function recordFeedback(
  ctx: HandlerContext,
  matchId: string | null,
  feedback: { outcome?: Outcome; rating?: number | null },
): Promise<void> {
  const { services, speaker, t } = ctx;
  const { db } = services;
  const match = matchId ? await findMatch(db, matchId) : await introductionFor(ctx, ctx.understanding.code);
  const isRequester = match?.request.requesterId === speaker.personId;
  const isExpert = Boolean(match && speaker.expertId && match.expertId === speaker.expertId);
  if (!match || (!isRequester && !isExpert)) return ctx.reply(t("follow_up.thanks_general"));
  const rating = isRequester && feedback.rating ? feedback.rating : null;
  const outcome = feedback.outcome ?? (rating ? "solved" : undefined);
  await recordIntroductionFeedback(services, {
    matchId: match.id,
    requestId: match.requestId,
    set: {
      ...(isRequester && outcome ? { outcome } : {}),
      ...(rating ? { rating } : {}),
      feedback: ctx.message.text.slice(0, 500),
    },
    event: {
      actor: speaker.personId,
      type: "feedback",
      detail: {
        outcome: t(`follow_up.${outcome ?? "noted"}`),
        rating,
        by: isRequester ? "enterprise" : "expert",
      },
    },
    solved: isRequester && outcome === "solved",
  });
  if (isRequester && outcome === "solved" && !rating)
    return ctx.reply(t("follow_up.ask_rating", { expert: match.expert.name }));
  if (isRequester && outcome === "unsolved") return ctx.reply(t("follow_up.sorry", { code: match.request.code }));
  return ctx.reply(t("follow_up.thanks", { code: match.request.code }));
}

export async function handleFeedback(ctx: HandlerContext): Promise<void> {
  await recordFeedback(ctx, null, { rating: ctx.understanding.rating ?? null });
}
