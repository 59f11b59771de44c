// What many processes working one queue must leave behind: for every request, one card per offer that was
// claimed, one group introduction per accepted expert, no more accepted experts than the request's team,
// and no offer left open.
import { expect } from "vitest";
import type { HelpRequest, Match } from "../../../prisma/generated/client.ts";

export function expectEachOfferAndIntroductionOnce(
  requests: readonly (HelpRequest & { matches: Match[] })[],
  outboxKeys: readonly string[],
): void {
  for (const request of requests) {
    const claimed = request.matches.filter((match) => match.status !== "candidate" && match.status !== "skipped");
    const cards = outboxKeys.filter((key) => claimed.some((match) => key === `offer-${match.id}`));
    expect(cards.length).toBe(claimed.length);
    const accepted = request.matches.filter((match) => match.status === "accepted");
    expect(accepted.length).toBeLessThanOrEqual(request.teamSize);
    const intros = outboxKeys.filter((key) => request.matches.some((match) => key === `intro-chat-${match.id}`));
    expect(intros.length).toBe(accepted.length);
    // Never two open offers for one role at once.
    expect(request.matches.filter((match) => match.status === "offered").length).toBe(0);
  }
}
