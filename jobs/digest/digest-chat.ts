// The staff group chat named by DIGEST_CHAT. Staff still get their own digests; the chat gets the whole
// programme's once a day, in the chat's language (DEFAULT_LOCALE unless the chat has one of its own),
// with the week's chart and, on platforms with cards, "rematch" buttons any staff member there may press.
import type { Config } from "../../core/config.ts";
import { isLocale, type Locale } from "../../core/i18n.ts";
import { chatById, ensureChat } from "../../prisma/digest-repository.ts";
import { type Services, sendToChat } from "../services.ts";
import { type DailyOptions, type DigestRecipient, type DigestResult, sendDigestOnce } from "./digest-once.ts";

/** Whether a platform's chat is the configured staff chat. */
export function isDigestChat(config: Config, platform: string, externalId: string): boolean {
  return config.DIGEST_CHAT?.platform === platform && config.DIGEST_CHAT.chatId === externalId;
}

/** The language of a chat's digest: the chat's own, else DEFAULT_LOCALE. */
export function chatLocale(config: Config, chat: { locale: string | null }): Locale {
  return isLocale(chat.locale) ? chat.locale : config.DEFAULT_LOCALE;
}

/**
 * The staff chat's row, written on first need (the bot may not have heard from the chat yet); null when
 * no DIGEST_CHAT is set.
 */
export async function digestChatId(services: Services): Promise<string | null> {
  const chat = services.config.DIGEST_CHAT;
  if (!chat) return null;
  return ensureChat(services.db, chat.platform, chat.chatId);
}

/** Sends the staff chat's digest of `day` once. */
export async function sendChatDigest(
  services: Services,
  chatId: string,
  day: string,
  options: DailyOptions = {},
): Promise<DigestResult | "no-chat"> {
  const chat = await chatById(services.db, chatId);
  if (!chat) return "no-chat";
  const recipient: DigestRecipient = {
    owner: { chatId },
    locale: chatLocale(services.config, chat),
    scopeTeam: null,
    send: async (part, key) => {
      await sendToChat(services, { chatId, key, message: part.message });
      return true;
    },
  };
  return sendDigestOnce(services, recipient, day, options);
}
