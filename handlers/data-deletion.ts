// "删除我的信息" / "账号注销" / "delete my data": asked in a private chat, confirmed once, then erased.
import { setPendingQuestion } from "../prisma/pending-questions.ts";
import { dropPendingQuestion, pendingQuestion } from "../prisma/requests.ts";
import type { HandlerContext } from "./context.ts";
import { erasePersonalData } from "./erase-personal-data.ts";

const askPattern =
  /^(?:账号注销|注销账号|注销我的账号|删除我的(?:个人)?(?:信息|数据|资料)|delete my (?:data|account|information|personal data)|erase my data)[。.!！]?$/i;
const confirmPattern = /^(?:确认注销|确认删除|确认|confirm|yes,? delete(?: my data)?)[。.!！]?$/i;
const topic = "privacy.delete";
const confirmWindowMs = 10 * 60 * 1000;

/** Handles a deletion request or its confirmation; false when the message is neither. */
export async function handleDataDeletion(ctx: HandlerContext): Promise<boolean> {
  const { services, chat, speaker, t } = ctx;
  const { db } = services;
  const text = ctx.message.text.replace(/@\S+/g, "").trim();
  if (askPattern.test(text)) {
    // The confirmation and what follows concern one person: never in a group.
    if (chat.kind !== "direct") {
      await ctx.reply(t("privacy.ask_in_private"));
      return true;
    }
    const expiresAt = new Date(Date.now() + confirmWindowMs);
    await setPendingQuestion(db, { chatId: chat.id, personId: speaker.personId, topic, expiresAt });
    await ctx.reply(t(speaker.expertId ? "privacy.confirm_expert" : "privacy.confirm"));
    return true;
  }
  if (chat.kind !== "direct") return false;
  const pending = await pendingQuestion(db, chat.id, speaker.personId);
  if (pending?.topic !== topic) return false;
  await dropPendingQuestion(db, pending.id);
  if (new Date(pending.expiresAt) < new Date() || !confirmPattern.test(text)) {
    await ctx.reply(t("privacy.cancelled"));
    return true;
  }
  const result = await erasePersonalData(services, speaker.personId);
  await ctx.reply(t("privacy.done", { offers: result.withdrawnOffers }));
  return true;
}
