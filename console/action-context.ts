// The console's actions run the chat's own staff commands (handlers/staff-override.ts): this is the context
// they get, with the staff member as speaker and replies collected for the page instead of sent to a chat.
import { randomUUID } from "node:crypto";
import type { HandlerContext } from "../handlers/context.ts";
import type { PageContext } from "./layout.ts";

export function actionContext(
  page: PageContext,
  command: string,
  args: string[],
): { ctx: HandlerContext; replies: string[] } {
  const { services, viewer, t, locale } = page;
  const replies: string[] = [];
  const collect = async (message: string | { text?: string }) => {
    replies.push(typeof message === "string" ? message : (message.text ?? ""));
  };
  const platform = services.config.platforms[0] ?? "terminal";
  const ctx: HandlerContext = {
    message: {
      platform,
      messageId: `console-${randomUUID()}`,
      chatId: `console:${viewer.personId}`,
      chatKind: "direct",
      senderId: viewer.personId,
      senderName: viewer.displayName,
      text: `/${command} ${args.join(" ")}`,
      mentionsBot: true,
      receivedAt: page.now,
    },
    chat: { id: "", externalId: `console:${viewer.personId}`, kind: "direct", title: "" },
    speaker: viewer,
    locale,
    t,
    understanding: { intent: "command", command: { name: command, args }, locale, addressed: true },
    services,
    reply: collect,
    replyPrivately: collect,
  };
  return { ctx, replies };
}
