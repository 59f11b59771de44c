// A help request from an enterprise: register it with a code, ask for what is missing, match.

import { citiesOf, describePlace, describeRequest } from "../core/request-format.ts";
import { asksForJointWork } from "../core/understanding/problems.ts";
import type { ParsedProblem, ParsedRequest } from "../core/understanding/types.ts";
import { afterRegistering, registerRequest } from "../jobs/lifecycle/request-changes.ts";
import { recentRequestPlace } from "../prisma/recent-request-place.ts";
import type { HandlerContext } from "./context.ts";
import { registeredReply } from "./registered-reply.ts";
import { requestCode } from "./request-codes.ts";

/** How long a person's city is remembered for their next request. */
const placeMemoryDays = 7;

export type MissingField = "city" | "problem";

/** What must be asked before matching: a city for on-site help, a problem when none was said. */
export function missingField(request: ParsedRequest, text: string): MissingField | null {
  // "你好，我们是番禺的工厂，想请专家来指导一下" asks for help but names no problem to match on.
  const stated = request.problems ? request.problems.length > 0 : text.replace(/@\S+/g, "").trim().length >= 6;
  if (request.skills.length === 0 && !stated) return "problem";
  if (request.mode !== "remote" && !request.city) return "city";
  return null;
}

export async function handleHelpRequest(ctx: HandlerContext): Promise<void> {
  const { services, speaker, chat, message, t, locale } = ctx;
  const said = ctx.understanding.request ?? emptyRequest();
  const reused = await reusedPlace(ctx, said);
  const parsed = reused ? { ...said, ...reused } : said;
  const missing = missingField(parsed, message.text);
  const problems = parsed.problems ?? [];
  // Problems asked to be tackled together stay one request: the ranker builds a two-expert team for it.
  if (!missing && problems.length > 1 && !asksForJointWork(message.text)) {
    return registerEachProblem(ctx, parsed, problems);
  }
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
    const registered = registeredReply(t, locale, { ...row, text: message.text, ...fields });
    const note = reused ? ` ${t("intake.city_reused", { place: describePlace(t, reused, locale) })}` : "";
    await ctx.reply(`${registered}${note}`);
  }
  await afterRegistering(services, row.id, missing !== null);
}

/**
 * "注塑件有缩痕；另外空压机漏气": unrelated problems need different experts, so each becomes a request of its own
 * with the place, mode and time the message gives them all.
 */
async function registerEachProblem(ctx: HandlerContext, parsed: ParsedRequest, problems: ParsedProblem[]) {
  const { services, speaker, chat, message, t, locale } = ctx;
  const registered: { id: number; line: string }[] = [];
  for (const [index, problem] of problems.entries()) {
    const fields = storedFields({ ...parsed, skills: problem.skills, team: null });
    const row = await registerRequest(services, {
      placeholderCode: `pending-${message.platform}-${message.messageId}-${index}`,
      chatId: chat.id,
      requesterId: speaker.personId,
      text: problem.text,
      status: "open",
      fields,
      locale,
      waitReason: null,
      contact: parsed.contact,
      question: null,
      codeOf: requestCode,
    });
    const summary = describeRequest(t, locale, { ...row, text: problem.text, ...fields });
    registered.push({ id: row.id, line: t("intake.several_line", { code: row.code, summary }) });
  }
  await ctx.reply(
    [t("intake.registered_several", { count: registered.length }), ...registered.map((r) => r.line)].join("\n"),
  );
  for (const { id } of registered) await afterRegistering(services, id, false);
}

/** The place of the speaker's request of the last days, for a new on-site request that names none. */
async function reusedPlace(ctx: HandlerContext, parsed: ParsedRequest) {
  if (parsed.city || parsed.mode === "remote") return null;
  const since = new Date(Date.now() - placeMemoryDays * 24 * 60 * 60 * 1000);
  return recentRequestPlace(ctx.services.db, ctx.speaker.personId, since);
}

/** The columns of a help request that come from what the bot understood. */
export function storedFields(parsed: ParsedRequest) {
  return {
    skills: JSON.stringify(parsed.skills),
    teamKey: parsed.team?.key ?? parsed.skills[0]?.team ?? null,
    city: parsed.city,
    district: parsed.district,
    cities: citiesOf(parsed),
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
