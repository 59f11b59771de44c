// im.message.receive_v1 -> IncomingMessage: text and post messages, in groups and private chats,
// with mention placeholders (@_user_1) replaced by names and the bot's own mention detected; file
// messages with empty text (the adapter downloads the file).
import type { IncomingMessage } from "../../../core/messages.ts";

interface Mention {
  key: string;
  name?: string;
  id?: { open_id?: string };
}

/** The part of a receive event this adapter reads (the SDK flattens header and event into one object). */
export interface ReceiveEvent {
  event_id?: string;
  sender?: { sender_id?: { open_id?: string }; sender_type?: string };
  message?: {
    message_id?: string;
    chat_id?: string;
    chat_type?: string;
    message_type?: string;
    content?: string;
    create_time?: string;
    mentions?: Mention[];
  };
}

interface PostElement {
  tag?: string;
  text?: string;
  user_id?: string;
  user_name?: string;
}

interface PostBody {
  title?: string;
  content?: PostElement[][];
}

/** The plain text of a post (rich text), paragraph by paragraph. */
export function postText(content: unknown): string {
  const body = content as PostBody & Record<string, PostBody | undefined>;
  // Received posts are flat; posts written through the API are wrapped in a locale (zh_cn, en_us).
  const post = Array.isArray(body?.content) ? body : Object.values(body ?? {}).find((value) => value?.content);
  if (!post?.content) return "";
  const paragraphs = post.content.map((line) =>
    line
      .map((element) => {
        if (element.tag === "at") return element.user_id?.startsWith("@_") ? element.user_id : `@${element.user_name}`;
        return element.text ?? "";
      })
      .join(""),
  );
  return [post.title, ...paragraphs].filter(Boolean).join("\n");
}

/** The text of a message, or null for kinds the bot cannot read (images, files, stickers…). */
export function messageText(messageType: string | undefined, content: string | undefined): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content ?? "");
  } catch {
    return null;
  }
  if (messageType === "text") return String((parsed as { text?: unknown }).text ?? "");
  if (messageType === "post") return postText(parsed);
  return null;
}

/** The file of a `file` message (content {"file_key","file_name"}), or null for any other message. */
export function messageFile(
  messageType: string | undefined,
  content: string | undefined,
): { key: string; name: string } | null {
  if (messageType !== "file") return null;
  try {
    const parsed = JSON.parse(content ?? "") as { file_key?: unknown; file_name?: unknown };
    if (typeof parsed.file_key !== "string" || !parsed.file_key) return null;
    return { key: parsed.file_key, name: typeof parsed.file_name === "string" ? parsed.file_name : "" };
  } catch {
    return null;
  }
}

/**
 * Converts a receive event; null when it is not a person's readable message. `botOpenId` names the
 * bot's own mention; while it is unknown, a mention carrying the bot's name counts.
 */
export function toIncoming(
  event: ReceiveEvent,
  bot: { openId?: string; name: string },
): Omit<IncomingMessage, "senderName" | "chatTitle"> | null {
  const message = event.message;
  const senderId = event.sender?.sender_id?.open_id;
  if (!message?.message_id || !message.chat_id || !senderId) return null;
  // Other bots' messages are not people talking.
  if (event.sender?.sender_type && event.sender.sender_type !== "user") return null;
  const isFile = messageFile(message.message_type, message.content) !== null;
  let text = isFile ? "" : messageText(message.message_type, message.content);
  if (text === null) return null;
  let mentionsBot = false;
  for (const mention of message.mentions ?? []) {
    const isBot = bot.openId ? mention.id?.open_id === bot.openId : mention.name === bot.name;
    if (isBot) mentionsBot = true;
    text = text.split(mention.key).join(`@${isBot ? bot.name : (mention.name ?? "")}`);
  }
  const created = Number(message.create_time);
  return {
    platform: "lark",
    messageId: message.message_id,
    chatId: message.chat_id,
    chatKind: message.chat_type === "p2p" ? "direct" : "group",
    senderId,
    text,
    mentionsBot,
    receivedAt: Number.isFinite(created) && created > 0 ? new Date(created) : new Date(),
  };
}
