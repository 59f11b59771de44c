// The draft-expiry queue: a draft request whose question nobody answered expires politely, so nothing
// waits forever (the work itself is jobs/lifecycle/request-changes.ts).
import type { JobDefinition } from "./job-system.ts";
import { draftExpiryQueue } from "./lifecycle/queues.ts";
import { expireDraft } from "./lifecycle/request-changes.ts";
import type { Services } from "./services.ts";

export { draftExpiryQueue, expireDraft };

export interface DraftExpiryPayload {
  requestId: number;
}

export function draftExpiryJob(services: Services): JobDefinition<DraftExpiryPayload> {
  return { queue: draftExpiryQueue, concurrency: 1, process: ({ requestId }) => expireDraft(services, requestId) };
}
