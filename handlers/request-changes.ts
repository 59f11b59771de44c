// An enterprise corrects or cancels its own request ("R-0042 改成远程", "不是东莞，是惠州", "R-0042 取消").

import { describeRequest } from "../core/request-format.ts";
import { findMalformedRequestCode } from "../core/understanding/request-code.ts";
import { isStaff } from "../prisma/people.ts";
import type { HandlerContext } from "./context.ts";
import { startMatching } from "./request-intake.ts";
import { withdrawOpenOffer } from "./withdraw-offer.ts";

const closed = new Set(["introduced", "closed", "cancelled", "expired"]);

/** The request a message is about: the one it names, else the speaker's latest open one in this chat. */
async function targetRequest(ctx: HandlerContext, code: string | null | undefined) {
  const { db } = ctx.services;
  if (code) return db.helpRequest.findUnique({ where: { code } });
  return db.helpRequest.findFirst({
    where: { chatId: ctx.chat.id, requesterId: ctx.speaker.personId, status: { notIn: [...closed] } },
    orderBy: { id: "desc" },
  });
}

/** Checks the request can be changed by the speaker; answers and returns null otherwise. */
async function changeableRequest(ctx: HandlerContext, code: string | null | undefined) {
  const { t } = ctx;
  // "R1 取消" names a request that cannot exist: it never falls back to the speaker's latest one.
  const malformed = code ? null : findMalformedRequestCode(ctx.message.text);
  if (malformed) {
    await ctx.reply(t("intake.bad_code", { code: malformed }));
    return null;
  }
  const request = await targetRequest(ctx, code);
  if (!request) {
    await ctx.reply(code ? t("intake.not_found", { code }) : t("errors.chatter"));
    return null;
  }
  // Only the person who asked, and staff, may change or cancel a request; an expert is not staff.
  if (request.requesterId !== ctx.speaker.personId && !isStaff(ctx.speaker.role)) {
    await ctx.reply(t("intake.not_yours", { code: request.code }));
    return null;
  }
  if (closed.has(request.status)) {
    await ctx.reply(t("intake.already_closed", { code: request.code }));
    return null;
  }
  return request;
}

/** Withdraws an open offer and drops unused candidates, so that matching starts afresh. */
async function resetMatching(ctx: HandlerContext, request: { id: number; code: string }): Promise<void> {
  await withdrawOpenOffer(ctx.services, request.id, request.code);
  await ctx.services.db.match.deleteMany({
    where: { requestId: request.id, status: { in: ["candidate", "skipped"] } },
  });
}

export async function handleCorrection(ctx: HandlerContext): Promise<void> {
  const { services, t, locale, understanding, speaker } = ctx;
  const correction = understanding.correction;
  if (!correction) return;
  const request = await changeableRequest(ctx, correction.code);
  if (!request) return;
  const changes = correction.changes;
  const updated = await services.db.$transaction(async (tx) => {
    const row = await tx.helpRequest.update({
      where: { id: request.id },
      data: {
        ...(changes.city !== undefined ? { city: changes.city, district: changes.district ?? null } : {}),
        ...(changes.district !== undefined && changes.city === undefined ? { district: changes.district } : {}),
        ...(changes.mode ? { mode: changes.mode } : {}),
        ...(changes.window !== undefined
          ? { windowStart: changes.window?.start ?? null, windowEnd: changes.window?.end ?? null }
          : {}),
        ...(changes.skills?.length
          ? { skills: JSON.stringify(changes.skills), teamKey: changes.skills[0]?.team ?? null }
          : {}),
        ...(changes.kind ? { kind: changes.kind } : {}),
        ...(changes.urgency ? { urgency: changes.urgency } : {}),
        status: request.status === "draft" ? "draft" : "open",
      },
    });
    await tx.requestEvent.create({
      data: { requestId: request.id, actor: speaker.personId, type: "updated", detail: JSON.stringify(changes) },
    });
    return row;
  });
  await ctx.reply(t("intake.updated", { code: updated.code, summary: describeRequest(t, locale, updated) }));
  if (updated.status === "draft") return;
  await resetMatching(ctx, request);
  const runs = await services.db.requestEvent.count({ where: { requestId: request.id, type: "updated" } });
  await startMatching(services, request.id, `update-${runs}`);
}

export async function handleCancel(ctx: HandlerContext): Promise<void> {
  const { services, t, understanding, speaker } = ctx;
  const request = await changeableRequest(ctx, understanding.code);
  if (!request) return;
  await resetMatching(ctx, request);
  await services.db.$transaction([
    services.db.helpRequest.update({
      where: { id: request.id },
      data: { status: "cancelled", closedAt: new Date(), waitReason: null },
    }),
    services.db.requestEvent.create({ data: { requestId: request.id, actor: speaker.personId, type: "cancelled" } }),
    services.db.pendingQuestion.deleteMany({ where: { requestId: request.id } }),
  ]);
  await ctx.reply(t("intake.cancelled", { code: request.code }));
}
