// The draft-expiry queue: a draft request whose question nobody answered expires politely, so nothing
// waits forever (the work itself is jobs/lifecycle/request-changes.ts).
import { openDrafts } from "../prisma/due-work.ts";
import type { JobDefinition, QueueModule } from "./job-system.ts";
import { draftExpiryQueue } from "./lifecycle/queues.ts";
import { expireDraft } from "./lifecycle/request-changes.ts";
import type { Services } from "./services.ts";

export { draftExpiryQueue, expireDraft };

export interface DraftExpiryPayload {
  requestId: number;
}

declare module "../core/ports.ts" {
  interface Jobs {
    "draft-expiry": DraftExpiryPayload;
  }
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
