// The latest card shown to a terminal speaker, from the outbox, so /press works across runs.
import type { TerminalCard } from "../bot/adapters/terminal.ts";
import type { OutgoingMessage } from "../core/messages.ts";
import type { Db } from "../prisma/client.ts";
import { latestSentCard } from "../prisma/outbox-repository.ts";

export async function latestTerminalCard(db: Db, speaker: string, chat: string): Promise<TerminalCard | null> {
  const row = await latestSentCard(db, "terminal", [
    { kind: "user", id: speaker },
    { kind: "chat", id: `dm:${speaker}` },
    { kind: "chat", id: chat },
  ]);
  if (!row) return null;
  const message = JSON.parse(row.payload) as OutgoingMessage;
  return message.kind === "card" ? { key: row.key, buttons: message.buttons } : null;
}
