// A draft request whose question nobody answered expires politely, so nothing waits forever.

import { asLocale } from "../core/i18n.ts";
import { openDrafts } from "../prisma/due-work.ts";
import type { JobDefinition, QueueModule } from "./job-system.ts";
import { type Services, sendToChat, translate } from "./services.ts";

export const draftExpiryQueue = "draft-expiry";

export interface DraftExpiryPayload {
  requestId: number;
}

declare module "../core/ports.ts" {
  interface Jobs {
    "draft-expiry": DraftExpiryPayload;
  }
}

export async function expireDraft(services: Services, requestId: number): Promise<string> {
  const { db } = services;
  const expired = await db.helpRequest.updateMany({
    where: { id: requestId, status: "draft" },
    data: { status: "expired", closedAt: new Date(), waitReason: null },
  });
  if (expired.count === 0) return "answered";
  const request = await db.helpRequest.findUniqueOrThrow({ where: { id: requestId } });
  await db.$transaction([
    db.pendingQuestion.deleteMany({ where: { requestId } }),
    db.requestEvent.create({ data: { requestId, actor: "system", type: "expired_draft" } }),
  ]);
  const t = translate(services, asLocale(request.locale));
  await sendToChat(services, {
    chatId: request.chatId,
    key: `draft-expired-${requestId}`,
    message: { kind: "text", text: t("intake.draft_expired", { code: request.code }) },
  });
  return "expired";
}

export function draftExpiryJob(services: Services): JobDefinition<DraftExpiryPayload> {
  return { queue: draftExpiryQueue, concurrency: 1, process: ({ requestId }) => expireDraft(services, requestId) };
}

/** Registry entry (jobs/registry.ts): every draft gets its expiry back, due when its question times out. */
export const draftExpiry: QueueModule<"draft-expiry"> = {
  jobId: ({ requestId }) => `draft-${requestId}`,
  workers: ({ services }) => [draftExpiryJob(services)],
  resume: async ({ services }) => {
    const drafts = await openDrafts(services.db);
    const draftMs = services.config.DRAFT_TIMEOUT_MINUTES * 60 * 1000;
    for (const draft of drafts) {
      const delayMs = Math.max(0, draft.createdAt.getTime() + draftMs - Date.now());
      await services.enqueue("draft-expiry", { requestId: draft.id }, { delayMs });
    }
  },
};
