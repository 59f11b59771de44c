// A draft request whose question nobody answered expires politely, so nothing waits forever.

import { asLocale } from "../core/i18n.ts";
import type { JobDefinition } from "./job-system.ts";
import { type Services, sendToChat, translate } from "./services.ts";

export const draftExpiryQueue = "draft-expiry";

export interface DraftExpiryPayload {
  requestId: number;
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
