// The chats the bot is in, created on first sight (typed plain SQL: every inbound message asks).
import type { IncomingMessage } from "../core/messages.ts";
import { type Db, directSql } from "./client.ts";
import { builder, prepared } from "./sql/builder.ts";
import { newId, sqlDate } from "./sql/values.ts";

export interface StoredChat {
  id: string;
  externalId: string;
  kind: "group" | "direct";
  title: string;
  /** A locale fixed for the chat, or null. */
  locale: string | null;
}

const chatByExternalId = prepared((platform: string, externalId: string) =>
  builder
    .selectFrom("Chat")
    .select(["id", "externalId", "kind", "title", "locale"])
    .where("platform", "=", platform)
    .where("externalId", "=", externalId),
);

function stored(row: { id: string; externalId: string; kind: string; title: string; locale: string | null }) {
  return { ...row, kind: row.kind === "direct" ? "direct" : "group" } satisfies StoredChat;
}

/** The chat a message came from, created on first sight; a renamed group gets its new title. */
export async function resolveChat(
  db: Db,
  message: Pick<IncomingMessage, "platform" | "chatId" | "chatKind" | "chatTitle" | "senderName">,
): Promise<StoredChat> {
  const sql = directSql(db);
  const query = chatByExternalId(message.platform, message.chatId);
  const found = await sql.first(query);
  if (found && (!message.chatTitle || found.title === message.chatTitle)) return stored(found);
  return sql.write(async (tx) => {
    if (found) {
      await tx.execute(
        builder
          .updateTable("Chat")
          .set({ title: message.chatTitle ?? found.title })
          .where("id", "=", found.id),
      );
    } else {
      const title = message.chatTitle ?? (message.chatKind === "direct" ? message.senderName : message.chatId);
      await tx.execute(
        builder
          .insertInto("Chat")
          .values({
            id: newId(),
            platform: message.platform,
            externalId: message.chatId,
            kind: message.chatKind,
            title,
            served: 1,
            isDemo: 0,
            createdAt: sqlDate(new Date()),
          })
          .onConflict((conflict) => conflict.columns(["platform", "externalId"]).doNothing()),
      );
    }
    const chat = await tx.first(query);
    if (!chat) throw new Error(`chat ${message.platform}:${message.chatId} not stored`);
    return stored(chat);
  });
}

/** Where a stored chat is on its platform, and its kind; throws when no such chat is stored. */
export async function chatAddress(db: Db, id: string): Promise<{ platform: string; externalId: string; kind: string }> {
  return db.chat.findUniqueOrThrow({ where: { id }, select: { platform: true, externalId: true, kind: true } });
}

/** A stored chat's kind ("group" or "direct"), or null when there is no such chat. */
export async function chatKind(db: Db, id: string): Promise<string | null> {
  return (await db.chat.findUnique({ where: { id }, select: { kind: true } }))?.kind ?? null;
}
