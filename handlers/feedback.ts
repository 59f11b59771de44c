// Outcomes after a visit: "解决了" / "还没解决" (buttons or words) and a 1–5 rating ("5分"). They are kept
// on the match and in the request's timeline, and feed future ranking and the digest.
import type { HandlerContext } from "./context.ts";

type Outcome = "solved" | "unsolved";

/** The introduction a speaker's feedback is about: the one the code names, else their latest. */
async function introductionFor(ctx: HandlerContext, code: string | null | undefined) {
  const { db } = ctx.services;
  const { speaker } = ctx;
  const mine = speaker.expertId
    ? { OR: [{ expertId: speaker.expertId }, { request: { requesterId: speaker.personId } }] }
    : { request: { requesterId: speaker.personId } };
  return db.match.findFirst({
    where: { status: "accepted", ...mine, ...(code ? { request: { code } } : {}) },
    include: { request: true, expert: true },
    orderBy: { introducedAt: "desc" },
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
  const match = matchId
    ? await db.match.findUnique({ where: { id: matchId }, include: { request: true, expert: true } })
    : await introductionFor(ctx, ctx.understanding.code);
  const isRequester = match?.request.requesterId === speaker.personId;
  const isExpert = Boolean(match && speaker.expertId && match.expertId === speaker.expertId);
  if (!match || (!isRequester && !isExpert)) return ctx.reply(t("follow_up.thanks_general"));
  const rating = isRequester && feedback.rating ? feedback.rating : null;
  const outcome = feedback.outcome ?? (rating ? "solved" : undefined);
  await db.$transaction([
    db.match.update({
      where: { id: match.id },
      data: {
        ...(isRequester && outcome ? { outcome } : {}),
        ...(rating ? { rating } : {}),
        feedback: ctx.message.text.slice(0, 500),
      },
    }),
    db.requestEvent.create({
      data: {
        requestId: match.requestId,
        actor: speaker.personId,
        type: "feedback",
        detail: JSON.stringify({
          outcome: t(`follow_up.${outcome ?? "noted"}`),
          rating,
          by: isRequester ? "enterprise" : "expert",
        }),
      },
    }),
    ...(isRequester && outcome === "solved"
      ? [db.helpRequest.update({ where: { id: match.requestId }, data: { status: "closed", closedAt: new Date() } })]
      : []),
  ]);
  if (isRequester && outcome === "solved" && !rating)
    return ctx.reply(t("follow_up.ask_rating", { expert: match.expert.name }));
  if (isRequester && outcome === "unsolved") return ctx.reply(t("follow_up.sorry", { code: match.request.code }));
  return ctx.reply(t("follow_up.thanks", { code: match.request.code }));
}

export async function handleFeedback(ctx: HandlerContext): Promise<void> {
  await recordFeedback(ctx, null, { rating: ctx.understanding.rating ?? null });
}
