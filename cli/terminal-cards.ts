// The latest card shown to a terminal speaker, from the outbox, so /press works across runs.
import type { TerminalCard } from "../bot/adapters/terminal.ts";
import type { OutgoingMessage } from "../core/messages.ts";
import type { Db } from "../prisma/client.ts";

export async function latestTerminalCard(db: Db, speaker: string, chat: string): Promise<TerminalCard | null> {
  const row = await db.outboundMessage.findFirst({
    where: {
      platform: "terminal",
      kind: "card",
      status: "sent",
      OR: [
        { targetKind: "user", targetId: speaker },
        { targetKind: "chat", targetId: `dm:${speaker}` },
        { targetKind: "chat", targetId: chat },
      ],
    },
    orderBy: { sentAt: "desc" },
  });
  if (!row) return null;
  const message = JSON.parse(row.payload) as OutgoingMessage;
  return message.kind === "card" ? { key: row.key, buttons: message.buttons } : null;
}
