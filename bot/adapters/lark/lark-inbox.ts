// Where the Lark adapter keeps events before answering Lark: the InboundMessage table, through the
// app's database once it has started.
import type { Db } from "../../../prisma/client.ts";
import { keepInbound, unfinishedInbound } from "../../../prisma/inbound-store.ts";

export interface LarkInbox {
  /** Stores an event; false when it was stored before (a duplicate). Throws when it cannot be stored. */
  keep(entry: { messageId: string; chatId: string; senderId: string; payload: string }): Promise<boolean>;
  /** Events stored before `before` and never finished, set back to be handled again. */
  unfinished(before: Date): Promise<{ messageId: string; payload: string }[]>;
}

/** The inbox in the app's database (`db` answers once the app has started). */
export function databaseInbox(db: () => Db | undefined): LarkInbox {
  const ready = () => {
    const client = db();
    if (!client) throw new Error("database not open yet");
    return client;
  };
  return {
    keep: async (entry) => keepInbound(ready(), { platform: "lark", ...entry }),
    unfinished: async (before) => unfinishedInbound(ready(), "lark", before),
  };
}
