// Turns every IncomingMessage into at most one handler call: dedupe by platform message id, resolve
// the chat, the speaker and the locale, understand the text, route. A failure is logged and answered
// politely; it never reaches the adapter.

import { rm } from "node:fs/promises";
import path from "node:path";
import type { Platform } from "../core/config.ts";
import { detectLocale, isLocale, type Locale } from "../core/i18n.ts";
import { forGroup } from "../core/mask-phones.ts";
import { type IncomingMessage, maxTextLength } from "../core/messages.ts";
import { Throttle } from "../core/throttle.ts";
import { understand } from "../core/understanding/understand.ts";
import { asOutgoing, type ChatInfo, type HandlerContext } from "../handlers/context.ts";
import { route } from "../handlers/router.ts";
import { type Services, translate } from "../jobs/services.ts";
import { resolveChat, type StoredChat } from "../prisma/chats-repository.ts";
import { isRepeatedContent } from "../prisma/inbound-dedupe.ts";
import { type InboundStatus, markInbound as markStored, recordInbound } from "../prisma/inbound-repository.ts";
import { resolveSpeaker, type Speaker, setPersonLocale } from "../prisma/people.ts";

export type Dispatch = (message: IncomingMessage) => Promise<void>;

// Control characters other than tab and newline never carry meaning in chat text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const controlCharacters = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Creates the dispatcher every adapter hands its messages to. */
export function createDispatcher(services: Services): Dispatch {
  const throttle = new Throttle({
    maxMessages: services.config.THROTTLE_MAX_MESSAGES,
    windowMs: services.config.THROTTLE_WINDOW_SECONDS * 1000,
  });
  const uploadsDir = path.resolve(services.config.uploads.dir) + path.sep;
  const dispatchOne: Dispatch = async (incoming) => {
    // Adapters hand over what the platform sent; whatever the types, a message is text from someone somewhere.
    // Names lose control characters too: they are stored, and PostgreSQL refuses a NUL in text.
    const message = {
      ...incoming,
      text: String(incoming.text ?? "")
        .replace(controlCharacters, "")
        .trim(),
      senderName: String(incoming.senderName ?? "").replace(controlCharacters, ""),
      ...(incoming.chatTitle === undefined
        ? {}
        : { chatTitle: String(incoming.chatTitle ?? "").replace(controlCharacters, "") }),
    };
    let fresh: boolean;
    try {
      fresh = await recordInbound(services.db, message);
      if (fresh && (await isRepeatedContent(services.db, message, services.config.DUPLICATE_WINDOW_SECONDS))) {
        services.log.debug({ platform: message.platform, messageId: message.messageId }, "Repeated content ignored");
        await markInbound(services, message, "ignored");
        return;
      }
    } catch (error) {
      services.log.error({ err: String(error), messageId: message.messageId }, "Inbound message not recorded");
      return;
    }
    if (!fresh) {
      services.log.debug({ platform: message.platform, messageId: message.messageId }, "Duplicate message ignored");
      return;
    }
    // The terminal is a local operator, not a chat anyone can flood.
    const verdict =
      message.platform === "terminal"
        ? "pass"
        : throttle.check(`${message.platform}\n${message.chatId}\n${message.senderId}`);
    if (verdict === "drop") {
      await markInbound(services, message, "ignored");
      return;
    }
    let ctx: HandlerContext | undefined;
    try {
      const chat = await resolveChat(services.db, message);
      const speaker = await resolveSpeaker(services.db, services.config, message);
      const locale = await pickLocale(services, chat, speaker, message.text);
      ctx = buildContext(services, message, chat, speaker, locale);
      if (verdict === "notice") {
        await ctx.reply(ctx.t("throttle.notice"));
        await markInbound(services, message, "ignored");
        return;
      }
      await markInbound(services, message, await route(ctx));
    } catch (error) {
      services.log.error(
        { err: error instanceof Error ? error.stack : String(error), messageId: message.messageId },
        "Handler failed",
      );
      await markInbound(services, message, "failed");
      if (ctx) await ctx.reply(ctx.t("errors.internal")).catch(() => undefined);
    }
  };
  return async (incoming) => {
    try {
      await dispatchOne(incoming);
    } finally {
      // A file sent in the chat is the message's to the end: a handler that keeps one has moved it away.
      // Only ever inside the uploads folder, whatever an adapter handed over.
      const saved = incoming.file?.path ? path.resolve(incoming.file.path) : "";
      if (saved.startsWith(uploadsDir)) await rm(saved, { force: true }).catch(() => undefined);
    }
  };
}

async function markInbound(services: Services, message: IncomingMessage, status: InboundStatus): Promise<void> {
  await markStored(services.db, message, status).catch(() => undefined);
}

/** The chat's fixed locale, else the language of the text, else what the person wrote in last time. */
async function pickLocale(
  services: Services,
  chat: Pick<StoredChat, "locale">,
  speaker: Speaker,
  text: string,
): Promise<Locale> {
  if (isLocale(chat.locale)) return chat.locale;
  // A slash command says nothing about the speaker's language.
  const detected = text.startsWith("/") ? null : detectLocale(text.replace(/@\S+/g, ""));
  if (detected && detected !== speaker.locale) {
    await setPersonLocale(services.db, speaker.personId, detected);
  }
  return detected ?? speaker.locale ?? services.config.DEFAULT_LOCALE;
}

function buildContext(
  services: Services,
  message: IncomingMessage,
  chat: ChatInfo,
  speaker: Speaker,
  locale: Locale,
): HandlerContext {
  let replies = 0;
  const keyFor = () => `in-${message.platform}-${message.messageId}-${replies++}`;
  const platform: Platform = message.platform;
  const text = message.text.length > maxTextLength ? message.text.slice(0, maxTextLength) : message.text;
  return {
    message,
    chat,
    speaker,
    locale,
    t: translate(services, locale),
    understanding: understand(text, {
      now: message.receivedAt,
      botName: services.config.BOT_NAME,
      // A private chat or a platform mention speaks to the bot: a vaguer request counts there.
      addressed: message.mentionsBot || chat.kind === "direct",
    }),
    services,
    reply: (reply) =>
      services.send({
        key: keyFor(),
        target: { platform, kind: "chat", id: chat.externalId },
        message: chat.kind === "group" ? forGroup(asOutgoing(reply)) : asOutgoing(reply),
        personId: speaker.personId,
      }),
    replyPrivately: async (reply) => {
      const target =
        chat.kind === "direct"
          ? { platform, kind: "chat" as const, id: chat.externalId }
          : { platform, kind: "user" as const, id: message.senderId };
      await services.send({ key: keyFor(), target, message: asOutgoing(reply), personId: speaker.personId });
    },
  };
}
