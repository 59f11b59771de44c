// The answer to a question the bot asked about a draft request ("请问贵单位在哪个城市？").

import { describeRequest, requestSkills } from "../core/request-format.ts";
import { extractPlace } from "../core/understanding/places.ts";
import { extractSkills } from "../core/understanding/skills.ts";
import { afterCompletingDraft, completeDraft } from "../jobs/lifecycle/request-changes.ts";
import { dropPendingQuestion, findRequest, pendingQuestion } from "../prisma/requests.ts";
import type { HandlerContext } from "./context.ts";

const answerIntents = new Set(["chatter", "request", "correction", "feedback"]);

/** Handles the message as the answer to an open question; returns false when it is not one. */
export async function handlePendingAnswer(ctx: HandlerContext): Promise<boolean> {
  const { services, chat, speaker, message, understanding, t, locale } = ctx;
  if (!answerIntents.has(understanding.intent)) return false;
  const db = services.db;
  const pending = await pendingQuestion(db, chat.id, speaker.personId);
  if (!pending?.requestId) return false;
  const request = await findRequest(db, pending.requestId);
  if (request?.status !== "draft" || new Date(pending.expiresAt) < new Date()) {
    await dropPendingQuestion(db, pending.id);
    return false;
  }

  const place = understanding.request?.city ? understanding.request : extractPlace(message.text);
  const skills = understanding.request?.skills.length ? understanding.request.skills : extractSkills(message.text);
  const known = requestSkills(request);
  const update = {
    city: request.city ?? place.city,
    district: request.district ?? place.district,
    skills: JSON.stringify(known.length ? known : skills),
    teamKey: request.teamKey ?? skills[0]?.team ?? null,
    text: pending.topic === "problem" ? `${request.text}\n${message.text}` : request.text,
  };
  const answered = pending.topic === "city" ? Boolean(update.city) : skills.length > 0 || message.text.length >= 6;
  if (!answered) {
    // Not an answer: a new help request goes its own way, anything else hears the question again.
    if (understanding.intent === "request") {
      await dropPendingQuestion(db, pending.id);
      return false;
    }
    await ctx.reply(t(pending.topic === "city" ? "intake.ask_city" : "intake.ask_problem", { code: request.code }));
    return true;
  }
  const needsCity = request.mode !== "remote" && !update.city;
  const updated = await completeDraft(services, {
    id: request.id,
    actor: speaker.personId,
    changes: update,
    stillMissing: needsCity ? "city" : null,
  });
  // Expired or cancelled meanwhile: the message goes its own way.
  if (!updated) return false;
  if (needsCity) {
    await ctx.reply(t("intake.ask_city", { code: updated.code }));
    return true;
  }
  await ctx.reply(t("intake.registered", { code: updated.code, summary: describeRequest(t, locale, updated) }));
  await afterCompletingDraft(services, updated.id);
  return true;
}
