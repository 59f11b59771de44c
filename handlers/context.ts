// The context a handler gets: the message, who speaks where and in which language, and ways to answer.

import type { Locale, Translate } from "../core/i18n.ts";
import type { IncomingMessage, OutgoingMessage } from "../core/messages.ts";
import type { Understanding } from "../core/understanding/types.ts";
import type { Services } from "../jobs/services.ts";
import type { Speaker } from "../prisma/people.ts";

export interface ChatInfo {
  id: string;
  externalId: string;
  kind: "group" | "direct";
  title: string;
}

export interface HandlerContext {
  message: IncomingMessage;
  chat: ChatInfo;
  speaker: Speaker;
  locale: Locale;
  t: Translate;
  understanding: Understanding;
  services: Services;
  /** Answers in the chat the message came from. */
  reply(message: string | OutgoingMessage): Promise<void>;
  /** Answers the speaker privately. */
  replyPrivately(message: string | OutgoingMessage): Promise<void>;
}

export type Handler = (ctx: HandlerContext) => Promise<void>;

export function asOutgoing(message: string | OutgoingMessage): OutgoingMessage {
  return typeof message === "string" ? { kind: "text", text: message } : message;
}
