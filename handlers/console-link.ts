// `/console` (staff, private chat only): a one-time link into the staff console, valid 15 minutes.
import { consoleBaseUrl } from "../core/config.ts";
import { createConsoleLink } from "../prisma/console-sessions.ts";
import type { HandlerContext } from "./context.ts";

export async function sendConsoleLink(ctx: HandlerContext): Promise<void> {
  const { t, services, speaker } = ctx;
  // A link in a group could be used by anyone who reads it first.
  if (ctx.chat.kind !== "direct") return ctx.reply(t("console.link.private_only"));
  const token = await createConsoleLink(services.db, speaker.personId);
  await ctx.reply(t("console.link.sent", { url: `${consoleBaseUrl(services.config)}/login/${token}`, minutes: 15 }));
}
