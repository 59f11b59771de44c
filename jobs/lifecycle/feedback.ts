// Feedback after an introduction: kept on the match and in the timeline; the enterprise saying its problem
// is solved closes the request.
import { storeFeedback } from "../../prisma/match-feedback.ts";
import type { TimelineEntry } from "../../prisma/requests.ts";
import type { Services } from "../services.ts";

export async function recordIntroductionFeedback(
  services: Services,
  feedback: {
    matchId: string;
    requestId: number;
    set: { outcome?: string; rating?: number; feedback: string };
    event: TimelineEntry;
    /** The requester said it is solved: the request closes. */
    solved: boolean;
  },
): Promise<void> {
  const { solved, ...stored } = feedback;
  await storeFeedback(services.db, { ...stored, close: solved });
}
