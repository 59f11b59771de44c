// A help request from an enterprise: register it with a code, ask for what is missing, match.
import type { HandlerContext } from "../bot/context.ts";
import type { Services } from "../bot/services.ts";
import { draftExpiryQueue } from "../jobs/draft-expiry.ts";
import { matchQueue } from "../jobs/match.ts";
import { requestCode } from "./request-codes.ts";
import { describeRequest } from "./request-format.ts";
import type { ParsedRequest } from "./understanding/types.ts";

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
  const row = await services.db.$transaction(async (tx) => {
    const created = await tx.helpRequest.create({
      data: {
        code: `pending-${message.platform}-${message.messageId}`,
        chatId: chat.id,
        requesterId: speaker.personId,
        text: message.text,
        status: missing ? "draft" : "open",
        ...storedFields(parsed),
        locale,
        waitReason: missing ? "draft_unconfirmed" : null,
        confirmedAt: missing ? null : new Date(),
      },
    });
    const withCode = await tx.helpRequest.update({
      where: { id: created.id },
      data: { code: requestCode(created.id) },
    });
    await tx.requestEvent.create({ data: { requestId: created.id, actor: speaker.personId, type: "created" } });
    // A phone number in the request is the enterprise's contact, given to the expert only after consent.
    if (parsed.contact) await tx.person.update({ where: { id: speaker.personId }, data: { phone: parsed.contact } });
    if (missing) {
      await tx.pendingQuestion.upsert({
        where: { chatId_personId: { chatId: chat.id, personId: speaker.personId } },
        create: {
          chatId: chat.id,
          personId: speaker.personId,
          topic: missing,
          requestId: created.id,
          expiresAt: new Date(Date.now() + questionTtlMs),
        },
        update: { topic: missing, requestId: created.id, expiresAt: new Date(Date.now() + questionTtlMs) },
      });
    }
    return withCode;
  });
  if (missing) {
    await ctx.reply(t(missing === "city" ? "intake.ask_city" : "intake.ask_problem", { code: row.code }));
    await services.enqueue(
      draftExpiryQueue,
      { requestId: row.id },
      { jobId: `draft-${row.id}`, delayMs: questionTtlMs },
    );
    return;
  }
  await ctx.reply(t("intake.registered", { code: row.code, summary: describeRequest(t, locale, row) }));
  await startMatching(services, row.id, "new");
}

/** Queues a match run; `run` makes the job id unique per run so a re-match is never swallowed. */
export async function startMatching(services: Services, requestId: number, run: string): Promise<void> {
  await services.enqueue(matchQueue, { requestId }, { jobId: `match-${requestId}-${run}` });
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
