// Every inbound message is stored first, keyed by its platform message id: a platform that delivers
// the same message again finds it there (typed plain SQL, prisma/sql/).
import type { IncomingMessage } from "../core/messages.ts";
import { type Db, directSql } from "./client.ts";
import { builder, prepared } from "./sql/builder.ts";
import { newId, sqlDate } from "./sql/values.ts";

export type InboundStatus = "received" | "handled" | "ignored" | "failed";

type Keyed = Pick<IncomingMessage, "platform" | "messageId">;

/** Stores an InboundMessage row unless its platform message id is there already. */
export const insertInbound = prepared(
  (
    id: string,
    platform: string,
    messageId: string,
    chatId: string,
    senderId: string,
    status: string,
    at: string,
    payload: string | null,
  ) =>
    builder
      .insertInto("InboundMessage")
      .values({ id, platform, messageId, chatId, senderId, status, receivedAt: at, payload })
      .onConflict((conflict) => conflict.columns(["platform", "messageId"]).doNothing()),
);

/**
 * Stores a message to handle; a row its adapter stored before answering the platform ("stored") is
 * claimed instead, so a message is handled once whichever got there first.
 */
const insertOrClaim = prepared(
  (id: string, platform: string, messageId: string, chatId: string, senderId: string, at: string) =>
    builder
      .insertInto("InboundMessage")
      .values({ id, platform, messageId, chatId, senderId, status: "received", receivedAt: at, payload: null })
      .onConflict((conflict) =>
        conflict
          .columns(["platform", "messageId"])
          .doUpdateSet({ status: "received" })
          .where("InboundMessage.status", "=", "stored"),
      ),
);

const setStatus = prepared((status: string, platform: string, messageId: string) =>
  builder
    .updateTable("InboundMessage")
    .set({ status })
    .where("platform", "=", platform)
    .where("messageId", "=", messageId),
);

/** Stores a message on first sight, or claims one its adapter stored; false when it was handled before. */
export async function recordInbound(
  db: Db,
  message: Keyed & Pick<IncomingMessage, "chatId" | "senderId" | "receivedAt">,
): Promise<boolean> {
  const inserted = await directSql(db).write(async (tx) =>
    tx.execute(
      insertOrClaim(
        newId(),
        message.platform,
        message.messageId,
        message.chatId,
        message.senderId,
        sqlDate(message.receivedAt),
      ),
    ),
  );
  return inserted.changes === 1;
}

/** What became of a stored message. */
export async function markInbound(db: Db, message: Keyed, status: InboundStatus): Promise<void> {
  await directSql(db).write(async (tx) => tx.execute(setStatus(status, message.platform, message.messageId)));
}
