// A request nobody in the roster fits goes to staff: it becomes unmatched (wait reason no_fit) with its
// timeline row, like every other transition of a request.
import type { RequestStatus } from "../../core/statuses.ts";
import type { Db } from "../../prisma/client.ts";
import { findRequest, type StoredRequest, transitionRequest } from "../../prisma/requests.ts";

/** A match run finds nobody only for a request it may rank: a closed or offered one is left alone. */
const handOffFrom: readonly RequestStatus[] = ["open", "matching"];

/**
 * Marks the request unmatched; null when it was unmatched already, has moved on or is gone, so that a retried
 * job tells nobody twice.
 */
export async function markHandedOff(db: Db, requestId: number, partial: number): Promise<StoredRequest | null> {
  const moved = await transitionRequest(db, {
    id: requestId,
    from: handOffFrom,
    to: "unmatched",
    set: { waitReason: "no_fit" },
    event: { actor: "system", type: "unmatched", detail: { reason: "no_fit", partial } },
  });
  return moved ? findRequest(db, requestId) : null;
}
