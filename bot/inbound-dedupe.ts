// Platforms re-send a message under a new id (Lark after a timeout, WeChat after a reconnect): the same
// text from the same sender in the same chat within a short window counts as one message. The window
// lives in the database beside the message-id record, as a fingerprint row, so every gateway process
// shares it and it survives a restart.
import { createHash } from "node:crypto";
import type { IncomingMessage } from "./messages.ts";
import type { Services } from "./services.ts";

/** Status of a fingerprint row in InboundMessage (not a message of its own). */
export const fingerprintStatus = "fingerprint";

function fingerprint(message: IncomingMessage): string {
  const text = message.text.replace(/\s+/g, " ").trim();
  return createHash("sha256").update(`${message.chatId}\n${message.senderId}\n${text}`).digest("hex").slice(0, 40);
}

/**
 * True when the same content came from the same sender in the same chat within the window. Button
 * presses and the terminal (a person typing a line again means it) are never repeats.
 */
export async function isRepeatedContent(services: Services, message: IncomingMessage): Promise<boolean> {
  const windowMs = services.config.DUPLICATE_WINDOW_SECONDS * 1000;
  if (windowMs === 0 || message.press || message.platform === "terminal" || !message.text.trim()) return false;
  const { db } = services;
  const messageId = `content:${fingerprint(message)}`;
  const now = new Date();
  try {
    await db.inboundMessage.create({
      data: {
        platform: message.platform,
        messageId,
        chatId: message.chatId,
        senderId: message.senderId,
        status: fingerprintStatus,
        receivedAt: now,
      },
    });
    return false;
  } catch (error) {
    if (!String(error).includes("Unique constraint")) throw error;
  }
  // Seen before: a repeat unless the earlier one is older than the window, in which case this one takes its place.
  const renewed = await db.inboundMessage.updateMany({
    where: { platform: message.platform, messageId, receivedAt: { lt: new Date(now.getTime() - windowMs) } },
    data: { receivedAt: now },
  });
  return renewed.count === 0;
}
