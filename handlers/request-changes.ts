// An enterprise corrects or cancels its own request ("R-0042 改成远程", "不是东莞，是惠州", "R-0042 取消").
// The lifecycle changes the request (jobs/lifecycle/request-changes.ts); this words the answers.
import { citiesOf, describeRequest } from "../core/request-format.ts";
import { finishedRequestStatuses, inSet } from "../core/statuses.ts";
import { findMalformedRequestCode } from "../core/understanding/request-code.ts";
import { offerToKeep } from "../jobs/lifecycle/keep-offer.ts";
import { afterCorrecting, cancelRequest, correctRequest } from "../jobs/lifecycle/request-changes.ts";
import { isStaff } from "../prisma/people.ts";
import { findRequestByCode, latestOpenRequest, type RequestChanges } from "../prisma/requests.ts";
import type { HandlerContext } from "./context.ts";

/** The request a message is about: the one it names, else the speaker's latest open one in this chat. */
async function targetRequest(ctx: HandlerContext, code: string | null | undefined) {
  const { db } = ctx.services;
  if (code) return findRequestByCode(db, code);
  return latestOpenRequest(db, ctx.chat.id, ctx.speaker.personId);
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
  if (inSet(finishedRequestStatuses, request.status)) {
    // An introduced request is not over ("已结束"): it has its expert, and staff can still step in.
    const key = request.status === "introduced" ? "intake.already_introduced" : "intake.already_closed";
    await ctx.reply(t(key, { code: request.code }));
    return null;
  }
  return request;
}

/** How long after asking a person's unaddressed correction ("Actually we are in Jiangmen") is read as theirs. */
const correctionWindowMs = 24 * 60 * 60 * 1000;

/**
 * Whether an unaddressed correction in a group changes the speaker's own recent request: "搞错咗，其实系高明"
 * right after asking needs no @, while the same words from anyone else stay chatter.
 */
export async function correctsOwnRecentRequest(ctx: HandlerContext): Promise<boolean> {
  const changes = ctx.understanding.correction?.changes;
  if (!changes || Object.keys(changes).length === 0) return false;
  const request = await latestOpenRequest(ctx.services.db, ctx.chat.id, ctx.speaker.personId);
  return Boolean(request && Date.now() - request.createdAt.getTime() < correctionWindowMs);
}

export async function handleCorrection(ctx: HandlerContext): Promise<void> {
  const { services, t, locale, understanding, speaker } = ctx;
  const correction = understanding.correction;
  if (!correction) return;
  const request = await changeableRequest(ctx, correction.code);
  if (!request) return;
  const changes = correction.changes;
  const columns: RequestChanges = {
    ...(changes.city !== undefined
      ? {
          city: changes.city,
          district: changes.district ?? null,
          cities: citiesOf({ city: changes.city ?? null, cities: changes.cities }),
        }
      : {}),
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
  };
  const updated = await correctRequest(services, {
    id: request.id,
    status: request.status,
    actor: speaker.personId,
    changes: columns,
    detail: changes,
  });
  if (!updated) return ctx.reply(t("intake.already_closed", { code: request.code }));
  const summary = describeRequest(t, locale, updated);
  const keep = await offerToKeep(services, updated, columns);
  await ctx.reply(
    keep
      ? t("intake.updated_kept", { code: updated.code, summary, expert: keep.expertName })
      : t("intake.updated", { code: updated.code, summary }),
  );
  await afterCorrecting(services, updated, speaker.personId, keep);
}

export async function handleCancel(ctx: HandlerContext): Promise<void> {
  const { services, t, understanding, speaker } = ctx;
  const request = await changeableRequest(ctx, understanding.code);
  if (!request) return;
  const cancelled = await cancelRequest(services, request, speaker.personId);
  await ctx.reply(t(cancelled ? "intake.cancelled" : "intake.already_closed", { code: request.code }));
}
