// The latest card sent to a WeChat person or room, read from the outbox so that a numbered reply
// still finds its card after a restart.

import type { OutgoingMessage } from "../../../core/messages.ts";
import type { Db } from "../../../prisma/client.ts";
import { latestSentCard } from "../../../prisma/outbox-repository.ts";
import type { NumberedCard } from "./numbered-choices.ts";

export type LatestCard = (holders: string[]) => Promise<NumberedCard | null>;

/** Looks up the newest card delivered on WeChat to any of `holders` (contact or room ids). */
export function outboxLatestCard(db: () => Db | undefined): LatestCard {
  return async (holders) => {
    const client = db();
    if (!client || holders.length === 0) return null;
    const row = await latestSentCard(
      client,
      "wechat",
      holders.map((id) => ({ id })),
    );
    if (!row) return null;
    const message = JSON.parse(row.payload) as OutgoingMessage;
    return message.kind === "card"
      ? { key: row.key, buttons: message.buttons, sentAt: row.sentAt ?? row.createdAt }
      : null;
  };
}
