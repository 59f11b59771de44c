// A help request from an enterprise: register it with a code, ask for what is missing, match.

import { describeRequest } from "../core/request-format.ts";
import type { ParsedRequest } from "../core/understanding/types.ts";
import type { Services } from "../jobs/services.ts";
import { directSql } from "../prisma/client.ts";
import { newId, sqlDate } from "../prisma/direct-sql.ts";
import type { HandlerContext } from "./context.ts";
import { requestCode } from "./request-codes.ts";

export type MissingField = "city" | "problem";

/** What must be asked before matching: a city for on-site help, a problem when none was said. */
export function missingField(request: ParsedRequest, text: string): MissingField | null {
  if (request.skills.length === 0 && text.replace(/@\S+/g, "").trim().length < 6) return "problem";
  if (request.mode !== "remote" && !request.city) return "city";
  return null;
}

export async function handleHelpRequest(ctx: HandlerContext): Promise<void> {
  const { services, speaker, chat, message, t, locale } = ctx;
  const parsed = ctx.understanding.request ?? emptyRequest();
  const missing = missingField(parsed, message.text);
  const questionTtlMs = services.config.DRAFT_TIMEOUT_MINUTES * 60 * 1000;
  // One plain-SQL transaction (prisma/direct-sql.ts): this runs for every help request that arrives.
  const row = await directSql(services.db).write((sql) => {
    const now = new Date();
    const fields = storedFields(parsed);
    const created = sql.run(
      `INSERT INTO HelpRequest (code, chatId, requesterId, text, status, skills, teamKey, city, district, mode,
         windowStart, windowEnd, kind, urgency, locale, waitReason, teamSize, createdAt, updatedAt, confirmedAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
      `pending-${message.platform}-${message.messageId}`,
      chat.id,
      speaker.personId,
      message.text,
      missing ? "draft" : "open",
      fields.skills,
      fields.teamKey,
      fields.city,
      fields.district,
      fields.mode,
      fields.windowStart,
      fields.windowEnd,
      fields.kind,
      fields.urgency,
      locale,
      missing ? "draft_unconfirmed" : null,
      sqlDate(now),
      sqlDate(now),
      missing ? null : sqlDate(now),
    );
    const id = created.lastInsertRowid;
    const code = requestCode(id);
    sql.run("UPDATE HelpRequest SET code = ? WHERE id = ?", code, id);
    sql.run(
      `INSERT INTO RequestEvent (id, requestId, actor, type, detail, createdAt) VALUES (?, ?, ?, 'created', '{}', ?)`,
      newId(),
      id,
      speaker.personId,
      sqlDate(now),
    );
    // A phone number in the request is the enterprise's contact, given to the expert only after consent.
    if (parsed.contact) sql.run("UPDATE Person SET phone = ? WHERE id = ?", parsed.contact, speaker.personId);
    if (missing) {
      sql.run(
        `INSERT INTO PendingQuestion (id, chatId, personId, topic, requestId, createdAt, expiresAt)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (chatId, personId) DO UPDATE
           SET topic = excluded.topic, requestId = excluded.requestId, expiresAt = excluded.expiresAt`,
        newId(),
        chat.id,
        speaker.personId,
        missing,
        id,
        sqlDate(now),
        sqlDate(new Date(now.getTime() + questionTtlMs)),
      );
    }
    return { id, code, text: message.text, ...fields };
  });
  if (missing) {
    await ctx.reply(t(missing === "city" ? "intake.ask_city" : "intake.ask_problem", { code: row.code }));
    await services.enqueue("draft-expiry", { requestId: row.id }, { delayMs: questionTtlMs });
    return;
  }
  await ctx.reply(t("intake.registered", { code: row.code, summary: describeRequest(t, locale, row) }));
  await startMatching(services, row.id, "new");
}

/** Queues a match run; `run` makes the job id unique per run so a re-match is never swallowed. */
export async function startMatching(services: Services, requestId: number, run: string): Promise<void> {
  await services.enqueue("match", { requestId, run });
}

/** The columns of a help request that come from what the bot understood. */
export function storedFields(parsed: ParsedRequest) {
  return {
    skills: JSON.stringify(parsed.skills),
    teamKey: parsed.team?.key ?? parsed.skills[0]?.team ?? null,
    city: parsed.city,
    district: parsed.district,
    mode: parsed.mode,
    windowStart: parsed.window?.start ?? null,
    windowEnd: parsed.window?.end ?? null,
    kind: parsed.kind,
    urgency: parsed.urgency,
  };
}

export function emptyRequest(): ParsedRequest {
  return {
    skills: [],
    team: null,
    city: null,
    district: null,
    mode: "either",
    window: null,
    kind: null,
    urgency: null,
    enterprise: null,
    contact: null,
  };
}
