// The one chain every message goes through (a composer, handlers/composer.ts): card presses, files,
// checks on the text, features that may take any message, slash commands, then the message's intent.
// Groups are busy: unless the bot is addressed, only a clear help request, an offer reply naming a
// code, or a slash command gets an answer.
import type { TranslationKey } from "../core/i18n.ts";
import { maxTextLength } from "../core/messages.ts";
import { UserFacingError } from "../core/user-facing-error.ts";
import { isStaff } from "../prisma/people.ts";
import { bindingCodeIn, redeemBinding } from "./account-binding.ts";
import { handleAvailability } from "./availability.ts";
import { register as registerCardPress } from "./card-press.ts";
import { register as registerCommands } from "./commands.ts";
import { Composer, type Middleware } from "./composer.ts";
import { handleContactRelay } from "./contact-relay.ts";
import type { HandlerContext } from "./context.ts";
import { handleDataDeletion } from "./data-deletion.ts";
import { handleFeedback } from "./feedback.ts";
import { handleOfferReply } from "./offer-reply.ts";
import { handlePendingAnswer } from "./pending-answer.ts";
import { handleProfileMessage } from "./profile/profile-message.ts";
import { correctsOwnRecentRequest, handleCancel, handleCorrection } from "./request-changes.ts";
import { handleHelpRequest } from "./request-intake.ts";
import { handleStatusQuestion } from "./request-status.ts";
import { handleFileMessage } from "./roster/roster-upload.ts";

const onlySymbols = /^(?:[\p{P}\p{S}\p{Z}\p{Emoji_Presentation}\p{Extended_Pictographic}\s]|\ufe0f|\u200d)*$/u;

/** Whether the message speaks to the bot: an @-mention, its name, or a private chat. */
function isAddressed(ctx: HandlerContext): boolean {
  return ctx.message.mentionsBot || ctx.understanding.addressed || ctx.chat.kind === "direct";
}

/** The text without mentions. */
function spokenText(ctx: HandlerContext): string {
  return ctx.message.text.replace(/@\S+/g, "").trim();
}

/** A feature that answers whether it took the message (true) or leaves it to the rest of the chain. */
function consuming(handler: (ctx: HandlerContext) => Promise<boolean>): Middleware {
  return async (ctx, next) => {
    if (!(await handler(ctx))) await next();
  };
}

/** Text too long to read, or nothing but mentions, gets no further. */
const readableText: Middleware = async (ctx, next) => {
  if (ctx.message.text.length > maxTextLength) {
    if (isAddressed(ctx)) await ctx.reply(ctx.t("errors.too_long", { max: maxTextLength }));
    return;
  }
  if (!spokenText(ctx)) return ctx.reply(ctx.t("errors.empty"));
  return next();
};

const accountBinding: Middleware = async (ctx, next) => {
  const code = bindingCodeIn(ctx.message.text);
  return code ? redeemBinding(ctx, code) : next();
};

/** The end of the chain: the message's intent, every one of them routed (the switch must stay exhaustive). */
const byIntent: Middleware = async (ctx) => {
  const { understanding, t } = ctx;
  const addressed = isAddressed(ctx);
  switch (understanding.intent) {
    case "command":
      // Every known command was taken earlier in the chain (handlers/commands.ts).
      return ctx.reply(t("errors.unknown_command", { command: `/${understanding.command.name.toLowerCase()}` }));
    case "request":
      return handleHelpRequest(ctx);
    case "offer_reply":
      if (addressed || understanding.offerReply.code) return handleOfferReply(ctx);
      return;
    case "availability":
      if (addressed) return handleAvailability(ctx);
      return;
    case "correction":
      if (addressed || understanding.correction.code || (await correctsOwnRecentRequest(ctx)))
        return handleCorrection(ctx);
      return;
    case "cancel":
      if (addressed || understanding.code) return handleCancel(ctx);
      return;
    case "feedback":
      if (addressed || understanding.rating || understanding.code) return handleFeedback(ctx);
      return;
    case "status":
      if (addressed || understanding.status.code) return handleStatusQuestion(ctx);
      return;
    case "chatter":
      // Chatter, thanks and emoji in a group stay unanswered unless someone speaks to the bot.
      if (!addressed) return;
      if (understanding.chatter === "greeting")
        return ctx.reply(t(greetingFor(ctx), { bot: ctx.services.config.BOT_NAME }));
      if (understanding.chatter === "thanks") return ctx.reply(t("request_status.thanks"));
      await ctx.reply(t(onlySymbols.test(spokenText(ctx)) ? "errors.empty" : "errors.chatter"));
      return;
    default: {
      const unrouted: never = understanding;
      throw new Error(`intent not routed: ${(unrouted as { intent: string }).intent}`);
    }
  }
};

/** The features in the order they get a message; each takes it or calls `next`. */
export function createRouter(): Composer {
  const router = new Composer();
  registerCardPress(router);
  router.filter((ctx) => Boolean(ctx.message.file), handleFileMessage);
  router.use(readableText, accountBinding, consuming(handleContactRelay));
  router.filter(isAddressed, consuming(handleDataDeletion));
  router.use(consuming(handlePendingAnswer), consuming(handleProfileMessage));
  registerCommands(router);
  router.use(byIntent);
  return router;
}

const chain = createRouter().middleware();

/**
 * The one place a handler's failure ends: a UserFacingError is answered with its key in the reader's
 * locale; anything else is logged with its context and answered politely.
 */
export async function onError(error: unknown, ctx: HandlerContext): Promise<"handled" | "failed"> {
  if (error instanceof UserFacingError) {
    await ctx.reply(ctx.t(error.key, error.params));
    return "handled";
  }
  ctx.services.log.error(
    { err: error instanceof Error ? error.stack : String(error), messageId: ctx.message.messageId },
    "Handler failed",
  );
  await ctx.reply(ctx.t("errors.internal")).catch(() => undefined);
  return "failed";
}

/** Routes one message through the chain; says whether it was handled or failed. */
export async function route(ctx: HandlerContext): Promise<"handled" | "failed"> {
  try {
    await chain(ctx, async () => undefined);
    return "handled";
  } catch (error) {
    return onError(error, ctx);
  }
}

/** A greeting that says what the speaker can do here: enterprises ask, experts tell their time, staff run. */
function greetingFor(ctx: HandlerContext): TranslationKey {
  if (isStaff(ctx.speaker.role)) return "request_status.greeting_staff";
  if (ctx.speaker.expertId) return "request_status.greeting_expert";
  return "request_status.greeting";
}
