// The answer to a question the bot asked about a draft request ("请问贵单位在哪个城市？"). The question does
// not swallow everything: a message about another request (by code), a status question or an offer reply goes
// its own way, a cancel cancels the draft; emoji, links and pictures are no answer; a correction of the draft
// ("改成远程就行") counts. A failed answer hears the question once more in other words; after two, an
// enterprise outside Guangdong hears why the programme cannot help, and a city that never comes is left out.

import { citiesOf, describeRequest, requestSkills } from "../core/request-format.ts";
import { detectMode } from "../core/understanding/mode.ts";
import { isWordless } from "../core/understanding/non-answer.ts";
import { isOutsideGuangdong } from "../core/understanding/outside-guangdong.ts";
import { extractCities, extractPlace } from "../core/understanding/places.ts";
import { extractProblems } from "../core/understanding/problems.ts";
import { findRequestCode } from "../core/understanding/request-code.ts";
import { extractSkills } from "../core/understanding/skills.ts";
import type { ParsedCorrection } from "../core/understanding/types.ts";
import { closeOutsideGuangdong, openWithoutCity, recordUnanswered } from "../jobs/lifecycle/draft-fallbacks.ts";
import { afterCompletingDraft, cancelRequest, completeDraft } from "../jobs/lifecycle/request-changes.ts";
import { dropPendingQuestion, findRequest, pendingQuestion, type StoredRequest } from "../prisma/requests.ts";
import type { HandlerContext } from "./context.ts";
import { registeredReply } from "./registered-reply.ts";

const answerIntents = new Set(["chatter", "request", "correction", "feedback", "cancel"]);
/** Failed answers after which the bot stops asking and explains or goes on. */
const triesBeforeGivingUp = 2;

/** Handles the message as the answer to an open question; returns false when it is not one. */
export async function handlePendingAnswer(ctx: HandlerContext): Promise<boolean> {
  const { services, chat, speaker, message, understanding, t } = ctx;
  // "广州或者佛山都可以" reads like an expert's free time; from anyone else it is the answer to the city question.
  const cityAnswer = understanding.intent === "availability" && !speaker.expertId;
  if (!answerIntents.has(understanding.intent) && !cityAnswer) return false;
  const db = services.db;
  const pending = await pendingQuestion(db, chat.id, speaker.personId);
  if (!pending?.requestId) return false;
  const request = await findRequest(db, pending.requestId);
  if (request?.status !== "draft" || new Date(pending.expiresAt) < new Date()) {
    await dropPendingQuestion(db, pending.id);
    return false;
  }
  // A message that names another request is about that one.
  const code = findRequestCode(message.text);
  if (code && code !== request.code) return false;
  if (understanding.intent === "cancel") {
    const cancelled = await cancelRequest(services, request, speaker.personId);
    await ctx.reply(t(cancelled ? "intake.cancelled" : "intake.already_closed", { code: request.code }));
    return true;
  }
  const topic = pending.topic === "problem" ? "problem" : "city";
  // Emoji, stickers, links, pictures: silence in a group, where people send them to each other all day.
  if (isWordless(message.text)) {
    const addressed = message.mentionsBot || understanding.addressed || chat.kind === "direct";
    return addressed ? answerFailed(ctx, request, topic) : true;
  }
  const correction = understanding.intent === "correction" ? understanding.correction.changes : {};
  const update = answerFields(ctx, request, topic, correction);
  const answered = topic === "city" ? Boolean(update.city) || update.mode === "remote" : update.problemSaid;
  if (!answered) {
    // A new help request goes its own way; anything else is a failed answer.
    if (understanding.intent === "request") {
      await dropPendingQuestion(db, pending.id);
      return false;
    }
    return answerFailed(ctx, request, topic);
  }
  const needsCity = update.mode !== "remote" && !update.city;
  const { problemSaid: _, ...changes } = update;
  const updated = await completeDraft(services, {
    id: request.id,
    actor: speaker.personId,
    changes,
    stillMissing: needsCity ? "city" : null,
  });
  // Expired or cancelled meanwhile: the message goes its own way.
  if (!updated) return false;
  if (needsCity) {
    await ctx.reply(t("intake.ask_city", { code: updated.code }));
    return true;
  }
  await ctx.reply(registeredReply(t, ctx.locale, updated));
  await afterCompletingDraft(services, updated.id);
  return true;
}

/** The draft's fields with what the message adds: a place, skills, the problem's words, a correction. */
function answerFields(
  ctx: HandlerContext,
  request: StoredRequest,
  topic: "city" | "problem",
  correction: ParsedCorrection["changes"],
) {
  const { understanding, message } = ctx;
  // A correction says the new place; otherwise a place already known stays.
  const said = understanding.request?.city ? understanding.request : extractPlace(message.text);
  const place = correction.city
    ? { city: correction.city, district: correction.district ?? null }
    : request.city
      ? { city: request.city, district: request.district }
      : said;
  // Every city named with the answer ("深圳、东莞都行"), or kept from the request.
  const named = correction.city ? (correction.cities ?? []) : request.city ? null : extractCities(message.text);
  const skills = understanding.request?.skills.length ? understanding.request.skills : extractSkills(message.text);
  const known = requestSkills(request);
  const problemSaid =
    skills.length > 0 || extractProblems(message.text, skills).length > 0 || understanding.intent === "request";
  return {
    city: place.city,
    district: place.district,
    cities: named === null ? request.cities : citiesOf({ city: place.city, cities: named }),
    // "远程就行" answers "which city?": remote help needs none.
    mode: correction.mode ?? (detectMode(message.text) === "remote" ? "remote" : request.mode),
    skills: JSON.stringify(known.length ? known : skills),
    teamKey: request.teamKey ?? skills[0]?.team ?? null,
    text: topic === "problem" && problemSaid ? `${request.text}\n${message.text}` : request.text,
    problemSaid,
  };
}

/** A message that does not answer: ask once more in other words, then explain or go on without it. */
async function answerFailed(ctx: HandlerContext, request: StoredRequest, topic: "city" | "problem"): Promise<boolean> {
  const { services, speaker, message, t, locale } = ctx;
  if (topic === "city" && isOutsideGuangdong(message.text)) {
    if (await closeOutsideGuangdong(services, request, speaker.personId, message.text)) {
      await ctx.reply(t("intake.outside_guangdong", { code: request.code }));
    }
    return true;
  }
  const tries = await recordUnanswered(services, request.id, speaker.personId);
  if (tries < triesBeforeGivingUp) {
    await ctx.reply(t(topic === "city" ? "intake.ask_city_again" : "intake.ask_problem_again", { code: request.code }));
    return true;
  }
  if (topic === "problem") {
    // Said once; after that the person's other messages go their own way, and a problem stated later still
    // completes this draft.
    if (tries > triesBeforeGivingUp) return false;
    await ctx.reply(t("intake.problem_still_missing", { code: request.code }));
    return true;
  }
  const opened = await openWithoutCity(services, request, speaker.personId);
  if (!opened) return false;
  await ctx.reply(t("intake.city_unknown", { code: opened.code, summary: describeRequest(t, locale, opened) }));
  return true;
}
