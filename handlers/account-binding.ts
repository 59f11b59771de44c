// Staff link a person's WeChat or Lark account to an expert's profile: `/bind D001` gives a one-time
// code, and whoever sends "绑定 <code>" from that account becomes that expert there. A person known on
// several platforms thus ends up as one expert.
import { randomInt } from "node:crypto";
import { bindingCodeOf, createBindingCode, redeemBindingCode } from "../prisma/binding-codes.ts";
import { expertById } from "../prisma/expert-records.ts";
import { assignableExpert } from "../prisma/matches.ts";
import { personIdForExpert } from "../prisma/people.ts";
import type { HandlerContext } from "./context.ts";

const codeTtlMs = 30 * 60 * 1000;
const bindPattern = /^(?:绑定|绑定账号|bind)\s*[:：]?\s*(\d{6})$/i;

/** The binding code in a message such as "绑定 483920", or null. */
export function bindingCodeIn(text: string): string | null {
  return bindPattern.exec(text.replace(/@\S+/g, "").trim())?.[1] ?? null;
}

/** `/bind D001` (staff): a code for the expert to send from the account to link. */
export async function createBinding(ctx: HandlerContext, args: string[]): Promise<void> {
  const { services, t, speaker } = ctx;
  const who = args.join(" ").trim();
  const expert = who ? await assignableExpert(services.db, who) : null;
  if (!expert) return ctx.reply(t("staff.expert_not_found", { who: who || "?" }));
  const code = String(randomInt(100000, 1000000));
  await createBindingCode(services.db, {
    code,
    expertId: expert.id,
    createdBy: speaker.personId,
    expiresAt: new Date(Date.now() + codeTtlMs),
  });
  await ctx.replyPrivately(t("binding.code", { expert: expert.name, code, minutes: codeTtlMs / 60_000 }));
}

/** "绑定 483920": links the speaker's account on this platform to the expert the code was made for. */
export async function redeemBinding(ctx: HandlerContext, code: string): Promise<void> {
  const { services, t, message } = ctx;
  const { db } = services;
  const binding = await bindingCodeOf(db, code);
  if (!binding || binding.expiresAt < new Date()) return ctx.reply(t("binding.invalid"));
  const expert = await expertById(db, binding.expertId);
  const personId = await personIdForExpert(db, expert.id, expert.name);
  await redeemBindingCode(db, {
    code,
    platform: message.platform,
    externalId: message.senderId,
    personId,
    expertId: expert.id,
    consentAt: expert.consentAt ?? new Date(),
  });
  await ctx.reply(t("binding.done", { expert: expert.name }));
}
