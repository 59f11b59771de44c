// What happens when an expert answers an offer: accept introduces both sides, decline passes the
// request to the next candidate at once, later keeps it open. Shared by text replies and buttons.

import { asLocale } from "../core/i18n.ts";
import { jsonList } from "../core/json-list.ts";
import { skillLabels } from "../core/request-format.ts";
import type { OfferAnswer } from "../core/understanding/types.ts";
import { followUpAt, scheduleFollowUp } from "../jobs/follow-up.ts";
import { rolesOf, skillLabel } from "../jobs/offer.ts";
import { type Services, sendToChat, sendToPerson, translate } from "../jobs/services.ts";
import type { HandlerContext } from "./context.ts";

/** Applies an answer to an offer the speaker holds, and tells everyone who needs to know. */
export async function answerOffer(ctx: HandlerContext, matchId: string, answer: OfferAnswer): Promise<void> {
  const { services, t, speaker } = ctx;
  const { db } = services;
  const match = await db.match.findUnique({ where: { id: matchId }, include: { request: true, expert: true } });
  if (!match) return ctx.reply(t("offer.no_open_offer"));
  const code = match.request.code;
  if (match.expertId !== speaker.expertId) return ctx.reply(t("offer.not_for_you"));
  if (match.status !== "offered") {
    const key =
      match.status === "accepted" || match.status === "declined"
        ? "offer.already_answered"
        : match.status === "expired"
          ? "offer.expired"
          : "offer.closed";
    return ctx.reply(t(key, { code }));
  }
  if (answer === "later") {
    await db.requestEvent.create({
      data: {
        requestId: match.requestId,
        actor: speaker.personId,
        type: "later",
        detail: JSON.stringify({ expert: match.expert.name }),
      },
    });
    return ctx.reply(t("offer.later_ack", { code }));
  }
  const status = answer === "accept" ? "accepted" : "declined";
  const changed = await db.match.updateMany({
    where: { id: matchId, status: "offered" },
    data: { status, respondedAt: new Date(), introducedAt: answer === "accept" ? new Date() : null },
  });
  if (changed.count === 0) return ctx.reply(t("offer.already_answered", { code }));
  await db.requestEvent.create({
    data: {
      requestId: match.requestId,
      actor: speaker.personId,
      type: status,
      detail: JSON.stringify({ expert: match.expert.name }),
    },
  });
  if (answer === "decline") {
    await db.helpRequest.update({ where: { id: match.requestId }, data: { status: "matching", waitReason: null } });
    await ctx.reply(t("offer.declined", { code }));
    const step = await db.match.count({ where: { requestId: match.requestId, status: { not: "candidate" } } });
    await services.enqueue("offer", { requestId: match.requestId, run: String(step) });
    return;
  }
  await ctx.reply(t("offer.accepted", { code }));
  await introduce(services, matchId);
}

/**
 * Introduces an accepted expert: a post in the enterprise's chat without any phone number, and
 * each side's contact sent privately to the other.
 */
export async function introduce(services: Services, matchId: string): Promise<void> {
  const { db } = services;
  const match = await db.match.findUniqueOrThrow({
    where: { id: matchId },
    include: { expert: true, request: { include: { requester: true, enterprise: true } } },
  });
  const { expert, request } = match;
  // A two-expert team is introduced when both roles have an expert; until then the request stays open.
  const roles = rolesOf({
    teamSize: request.teamSize,
    matches: await db.match.findMany({ where: { requestId: request.id } }),
  });
  const accepted = await db.match.findMany({
    where: { requestId: request.id, status: "accepted" },
    select: { role: true },
  });
  const complete = roles.every((role) => role === null || accepted.some((other) => other.role === role));
  await db.$transaction([
    db.helpRequest.update({
      where: { id: request.id },
      data: complete ? { status: "introduced", waitReason: null } : { status: "offered" },
    }),
    db.requestEvent.create({
      data: {
        requestId: request.id,
        actor: "system",
        type: "introduced",
        detail: JSON.stringify({ expert: expert.name }),
      },
    }),
  ]);
  await scheduleFollowUp(
    services.enqueue,
    match.id,
    followUpAt(match.introducedAt ?? new Date(), request.windowEnd, services.config.FOLLOW_UP_DAYS),
  );
  const locale = asLocale(request.locale);
  const t = translate(services, locale);
  const honours = jsonList(expert.honours);
  await sendToChat(services, {
    chatId: request.chatId,
    key: `intro-chat-${match.id}`,
    message: {
      kind: "text",
      text: (match.role ? t("intro.team_member", { skill: skillLabel(match.role, locale) }) : "").concat(
        t("intro.group", {
          code: request.code,
          expert: expert.name,
          honours: honours.join(t("list.separator")) || expert.title,
          employer: expert.employer,
          title: expert.title,
          skills:
            jsonList(expert.skills).slice(0, 3).join(t("list.separator")) ||
            skillLabels(request, locale).join(t("list.separator")),
        }),
      ),
    },
  });
  await sendToPerson(services, {
    personId: request.requesterId,
    key: `intro-requester-${match.id}`,
    compose: (rt) => ({
      kind: "text",
      text: rt("intro.to_requester", {
        code: request.code,
        expert: expert.name,
        employer: expert.employer,
        contact: expert.phone ? rt("intro.phone", { phone: expert.phone }) : rt("intro.no_phone"),
      }),
    }),
  });
  const expertPerson = await db.person.findUniqueOrThrow({ where: { expertId: expert.id } });
  const enterprisePhone = request.requester.phone ?? request.enterprise?.phone ?? null;
  await sendToPerson(services, {
    personId: expertPerson.id,
    key: `intro-expert-${match.id}`,
    compose: (et) => ({
      kind: "text",
      text: et("intro.to_expert", {
        code: request.code,
        requester: request.enterprise
          ? et("intro.requester_at", { name: request.requester.displayName, enterprise: request.enterprise.name })
          : request.requester.displayName,
        contact: enterprisePhone ? et("intro.phone", { phone: enterprisePhone }) : et("intro.no_phone"),
      }),
    }),
  });
}
