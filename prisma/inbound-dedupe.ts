// Platforms re-send a message under a new id (Lark after a timeout, WeChat after a reconnect): the same
// text from the same sender in the same chat within a short window counts as one message. The window
// lives in the database beside the message-id record, as a fingerprint row, so every gateway process
// shares it and it survives a restart.
import { createHash } from "node:crypto";
import type { IncomingMessage } from "../core/messages.ts";
import { type Db, directSql } from "./client.ts";
import { insertInbound } from "./inbound-repository.ts";
import { builder, prepared } from "./sql/builder.ts";
import { newId, sqlDate } from "./sql/values.ts";

/** Status of a fingerprint row in InboundMessage (not a message of its own). */
export const fingerprintStatus = "fingerprint";

const renew = prepared((at: string, platform: string, messageId: string, before: string) =>
  builder
    .updateTable("InboundMessage")
    .set({ receivedAt: at })
    .where("platform", "=", platform)
    .where("messageId", "=", messageId)
    .where("receivedAt", "<", before),
);

const firstMessageOf = prepared((platform: string, messageId: string) =>
  builder
    .selectFrom("InboundMessage")
    .select("payload")
    .where("platform", "=", platform)
    .where("messageId", "=", messageId),
);

function fingerprint(message: IncomingMessage): string {
  const text = message.text.replace(/\s+/g, " ").trim();
  return createHash("sha256").update(`${message.chatId}\n${message.senderId}\n${text}`).digest("hex").slice(0, 40);
}

/**
 * True when the same content came from the same sender in the same chat within the window. Button
 * presses and the terminal (a person typing a line again means it) are never repeats.
 */
export async function isRepeatedContent(db: Db, message: IncomingMessage, windowSeconds: number): Promise<boolean> {
  const windowMs = windowSeconds * 1000;
  if (windowMs === 0 || message.press || message.platform === "terminal" || !message.text.trim()) return false;
  const messageId = `content:${fingerprint(message)}`;
  const now = new Date();
  return directSql(db).write(async (tx) => {
    const inserted = await tx.execute(
      insertInbound(
        newId(),
        message.platform,
        messageId,
        message.chatId,
        message.senderId,
        fingerprintStatus,
        sqlDate(now),
        // The fingerprint remembers the message that made it: that message handled again after a restart is no repeat.
        message.messageId,
      ),
    );
    if (inserted.changes === 1) return false;
    const first = await tx.first(firstMessageOf(message.platform, messageId));
    if (first?.payload === message.messageId) return false;
    // Seen before: a repeat unless the earlier one is older than the window, in which case this one takes its place.
    const renewed = await tx.execute(
      renew(sqlDate(now), message.platform, messageId, sqlDate(new Date(now.getTime() - windowMs))),
    );
    return renewed.changes === 0;
  });
}
