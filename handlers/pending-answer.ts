// The answer to a question the bot asked about a draft request ("请问贵单位在哪个城市？").

import { describeRequest, requestSkills } from "../core/request-format.ts";
import { extractPlace } from "../core/understanding/places.ts";
import { extractSkills } from "../core/understanding/skills.ts";
import { directSql } from "../prisma/client.ts";
import type { HandlerContext } from "./context.ts";
import { startMatching } from "./request-intake.ts";

const answerIntents = new Set(["chatter", "request", "correction", "feedback"]);

/** Handles the message as the answer to an open question; returns false when it is not one. */
export async function handlePendingAnswer(ctx: HandlerContext): Promise<boolean> {
  const { services, chat, speaker, message, understanding, t, locale } = ctx;
  if (!answerIntents.has(understanding.intent)) return false;
  const db = services.db;
  // Asked for every message that could answer a question, so a plain prepared statement (prisma/direct-sql.ts).
  const pending = directSql(db).get<{ id: string; topic: string; requestId: number | null; expiresAt: string }>(
    "SELECT id, topic, requestId, expiresAt FROM PendingQuestion WHERE chatId = ? AND personId = ?",
    chat.id,
    speaker.personId,
  );
  if (!pending?.requestId) return false;
  const request = await db.helpRequest.findUnique({ where: { id: pending.requestId } });
  if (request?.status !== "draft" || new Date(pending.expiresAt) < new Date()) {
    await db.pendingQuestion.delete({ where: { id: pending.id } }).catch(() => undefined);
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
      await db.pendingQuestion.delete({ where: { id: pending.id } });
      return false;
    }
    await ctx.reply(t(pending.topic === "city" ? "intake.ask_city" : "intake.ask_problem", { code: request.code }));
    return true;
  }
  const needsCity = request.mode !== "remote" && !update.city;
  const updated = await db.$transaction(async (tx) => {
    const row = await tx.helpRequest.update({
      where: { id: request.id },
      data: needsCity ? update : { ...update, status: "open", waitReason: null, confirmedAt: new Date() },
    });
    await tx.requestEvent.create({ data: { requestId: request.id, actor: speaker.personId, type: "updated" } });
    if (needsCity) {
      await tx.pendingQuestion.update({ where: { id: pending.id }, data: { topic: "city" } });
    } else {
      await tx.pendingQuestion.delete({ where: { id: pending.id } });
    }
    return row;
  });
  if (needsCity) {
    await ctx.reply(t("intake.ask_city", { code: updated.code }));
    return true;
  }
  await ctx.reply(t("intake.registered", { code: updated.code, summary: describeRequest(t, locale, updated) }));
  await startMatching(services, updated.id, "answered");
  return true;
}
