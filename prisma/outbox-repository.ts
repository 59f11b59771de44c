// The outbox: one row per message the bot sends (unique key), written and read with typed plain SQL
// on the way every message takes, with Prisma on the rare ways (a failure, a look-up by an adapter).
import type { Platform } from "../core/config.ts";
import type { OutgoingMessage, Target } from "../core/messages.ts";
import { type Db, directSql } from "./client.ts";
import type { OutboundMessage } from "./generated/client.ts";
import { builder, prepared } from "./sql/builder.ts";
import { newId, sqlDate } from "./sql/values.ts";

export type { OutboundMessage };

export type OutboundStatus = "pending" | "sent" | "failed";

/** What a sender needs of a stored row. */
export interface StoredOutbound {
  id: string;
  platform: Platform;
  status: string;
}

const insertOutbound = prepared(
  (
    id: string,
    key: string,
    platform: string,
    targetKind: string,
    targetId: string,
    personId: string | null,
    kind: string,
    payload: string,
    createdAt: string,
  ) =>
    builder
      .insertInto("OutboundMessage")
      .values({
        id,
        key,
        platform,
        targetKind,
        targetId,
        personId,
        kind,
        payload,
        status: "pending",
        attempts: 0,
        createdAt,
      })
      .onConflict((conflict) => conflict.column("key").doNothing())
      // The new row in the same round trip; nothing when the key was there already.
      .returning(["id", "platform", "status"]),
);

const outboundByKey = prepared((key: string) =>
  builder.selectFrom("OutboundMessage").select(["id", "platform", "status"]).where("key", "=", key),
);

const targetOf = prepared((id: string) =>
  builder.selectFrom("OutboundMessage").select(["targetKind", "targetId"]).where("id", "=", id),
);

const toSend = prepared((id: string) =>
  builder
    .selectFrom("OutboundMessage")
    .select(["id", "key", "targetKind", "targetId", "payload", "status", "attempts"])
    .where("id", "=", id),
);

const markSent = prepared((sentAt: string, attempts: number, id: string) =>
  builder.updateTable("OutboundMessage").set({ status: "sent", sentAt, attempts, error: null }).where("id", "=", id),
);

/**
 * Stores a message to send under its idempotency key; an existing key (a retried job, another worker
 * first) is that row, whatever this call carried.
 */
export function storeOutbound(
  db: Db,
  request: { key: string; target: Target; message: OutgoingMessage; personId?: string | null },
): Promise<StoredOutbound> {
  const { key, target, message } = request;
  return directSql(db).write(async (tx) => {
    const inserted = await tx.first(
      insertOutbound(
        newId(),
        key,
        target.platform,
        target.kind,
        target.id,
        request.personId ?? null,
        message.kind,
        JSON.stringify(message),
        sqlDate(new Date()),
      ),
    );
    const stored = inserted ?? (await tx.first(outboundByKey(key)));
    if (!stored) throw new Error(`outbox row ${key} not stored`);
    // Only storeOutbound writes rows, always with a Target's platform.
    return { ...stored, platform: stored.platform as Platform };
  });
}

/** The chat or person a row goes to, or undefined for an unknown row. */
export function outboundTarget(db: Db, id: string): Promise<{ targetKind: string; targetId: string } | undefined> {
  return directSql(db).first(targetOf(id));
}

/** A row about to be sent, read from the last committed state. */
export function outboundToSend(
  db: Db,
  id: string,
): Promise<
  Pick<OutboundMessage, "id" | "key" | "targetKind" | "targetId" | "payload" | "status" | "attempts"> | undefined
> {
  return directSql(db).first(toSend(id));
}

export async function markOutboundSent(db: Db, id: string, attempts: number): Promise<void> {
  await directSql(db).write(async (tx) => tx.execute(markSent(sqlDate(new Date()), attempts, id)));
}

/** Notes why a send did not go through; with `attempts`, that try counts and the row may end as failed. */
export function markOutboundError(
  db: Db,
  id: string,
  error: string,
  outcome?: { attempts: number; status: OutboundStatus },
): Promise<OutboundMessage> {
  return db.outboundMessage.update({ where: { id }, data: { error: error.slice(0, 500), ...outcome } });
}

/** A stored row by its idempotency key, or null. */
export function outboundWithKey(db: Db, key: string): Promise<OutboundMessage | null> {
  return db.outboundMessage.findUnique({ where: { key } });
}

/**
 * The newest card sent on `platform` to any of `targets` (a target without a kind matches chats and
 * people alike), or null.
 */
export function latestSentCard(
  db: Db,
  platform: string,
  targets: readonly { kind?: "chat" | "user"; id: string }[],
): Promise<OutboundMessage | null> {
  if (targets.length === 0) return Promise.resolve(null);
  return db.outboundMessage.findFirst({
    where: {
      platform,
      kind: "card",
      status: "sent",
      OR: targets.map((target) => ({ targetKind: target.kind, targetId: target.id })),
    },
    orderBy: { sentAt: "desc" },
  });
}
