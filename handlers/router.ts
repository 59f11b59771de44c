// Picks the one handler for a message. Groups are busy: unless the bot is addressed, only a clear
// help request, an offer reply naming a code, or a slash command gets an answer.
import { maxTextLength } from "../core/messages.ts";
import { bindingCodeIn, redeemBinding } from "./account-binding.ts";
import { handleAvailability } from "./availability.ts";
import { handleCardPress } from "./card-press.ts";
import { handleCommand } from "./commands.ts";
import type { HandlerContext } from "./context.ts";
import { handleDataDeletion } from "./data-deletion.ts";
import { handleFeedback } from "./feedback.ts";
import { handleOfferReply } from "./offer-reply.ts";
import { handlePendingAnswer } from "./pending-answer.ts";
import { handleProfileMessage } from "./profile/profile-message.ts";
import { handleCancel, handleCorrection } from "./request-changes.ts";
import { handleHelpRequest } from "./request-intake.ts";
import { handleFileMessage } from "./roster/roster-upload.ts";

const onlySymbols = /^(?:[\p{P}\p{S}\p{Z}\p{Emoji_Presentation}\p{Extended_Pictographic}\s]|\ufe0f|\u200d)*$/u;

export async function route(ctx: HandlerContext): Promise<void> {
  const { message, understanding, chat, t } = ctx;
  if (message.press) return handleCardPress(ctx);
  if (message.file) return handleFileMessage(ctx);
  const addressed = message.mentionsBot || understanding.addressed || chat.kind === "direct";
  const text = message.text.replace(/@\S+/g, "").trim();

  if (message.text.length > maxTextLength) {
    if (addressed) await ctx.reply(t("errors.too_long", { max: maxTextLength }));
    return;
  }
  if (!text) return ctx.reply(t("errors.empty"));

  const bindingCode = bindingCodeIn(message.text);
  if (bindingCode) return redeemBinding(ctx, bindingCode);
  if (addressed && (await handleDataDeletion(ctx))) return;
  if (await handlePendingAnswer(ctx)) return;
  if (await handleProfileMessage(ctx)) return;

  switch (understanding.intent) {
    case "command":
      return handleCommand(ctx);
    case "request":
      return handleHelpRequest(ctx);
    case "offer_reply":
      if (addressed || understanding.offerReply?.code) return handleOfferReply(ctx);
      return;
    case "availability":
      if (addressed) return handleAvailability(ctx);
      return;
    case "correction":
      if (addressed || understanding.correction?.code) return handleCorrection(ctx);
      return;
    case "cancel":
      if (addressed || understanding.code) return handleCancel(ctx);
      return;
    case "feedback":
      if (addressed || understanding.rating || understanding.code) return handleFeedback(ctx);
      return;
    default:
      // Chatter, thanks and emoji in a group stay unanswered unless someone speaks to the bot.
      if (addressed) await ctx.reply(t(onlySymbols.test(text) ? "errors.empty" : "errors.chatter"));
  }
}
