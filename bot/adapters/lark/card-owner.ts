// A card the bot sent on Lark, read from the outbox: its content (to show it answered) and the
// open ids of the person it was for (only their press updates it).

import type { OutgoingMessage } from "../../../core/messages.ts";
import type { Db } from "../../../prisma/client.ts";
import { outboundWithKey } from "../../../prisma/outbox-repository.ts";
import { identityIdsOn } from "../../../prisma/people.ts";
import type { CardMessage } from "./lark-card.ts";

export interface SentCard {
  card: CardMessage;
  /** Open ids allowed to answer it; null when anyone may (a card for a whole chat). */
  holders: string[] | null;
  /** Whether it was sent to a person (a private chat) rather than to a chat. */
  toPerson: boolean;
}

export type FindCard = (key: string) => Promise<SentCard | null>;

/** Looks a card up by its outbox key. */
export function outboxCards(db: () => Db | undefined): FindCard {
  return async (key) => {
    const client = db();
    if (!client) return null;
    const row = await outboundWithKey(client, key);
    if (row?.platform !== "lark" || row.kind !== "card") return null;
    const message = JSON.parse(row.payload) as OutgoingMessage;
    if (message.kind !== "card") return null;
    return {
      card: message,
      holders: row.personId ? await identityIdsOn(client, row.personId, "lark") : null,
      toPerson: row.targetKind === "user",
    };
  };
}
