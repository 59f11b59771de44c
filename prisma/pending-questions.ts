// Questions the bot asked a person in a chat and waits for, set by topic (reads: requests.ts pendingQuestion).
import type { Db } from "./client.ts";

/** Asks (or asks again) a question of a person in a chat: one open question per person and chat. */
export async function setPendingQuestion(
  db: Db,
  question: { chatId: string; personId: string; topic: string; expiresAt: Date },
): Promise<void> {
  const { chatId, personId, topic, expiresAt } = question;
  await db.pendingQuestion.upsert({
    where: { chatId_personId: { chatId, personId } },
    create: { chatId, personId, topic, expiresAt },
    update: { topic, requestId: null, expiresAt },
  });
}
