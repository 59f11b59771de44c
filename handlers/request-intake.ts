// A help request from an enterprise: register it with a code, ask for what is missing, match.

import { describeRequest } from "../core/request-format.ts";
import type { ParsedRequest } from "../core/understanding/types.ts";
import { afterRegistering, registerRequest } from "../jobs/lifecycle/request-changes.ts";
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
  const fields = storedFields(parsed);
  const row = await registerRequest(services, {
    placeholderCode: `pending-${message.platform}-${message.messageId}`,
    chatId: chat.id,
    requesterId: speaker.personId,
    text: message.text,
    status: missing ? "draft" : "open",
    fields,
    locale,
    waitReason: missing ? "draft_unconfirmed" : null,
    // A phone number in the request is the enterprise's contact, given to the expert only after consent.
    contact: parsed.contact,
    question: missing ? { topic: missing, expiresAt: new Date(Date.now() + questionTtlMs) } : null,
    codeOf: requestCode,
  });
  if (missing) {
    await ctx.reply(t(missing === "city" ? "intake.ask_city" : "intake.ask_problem", { code: row.code }));
  } else {
    const summary = describeRequest(t, locale, { ...row, text: message.text, ...fields });
    await ctx.reply(t("intake.registered", { code: row.code, summary }));
  }
  await afterRegistering(services, row.id, missing !== null);
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
