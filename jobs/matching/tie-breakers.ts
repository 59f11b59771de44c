// Tie-breakers: availability, honours, past outcomes and load. Together they stay well below one grade,
// so they order experts of similar fit and never lift an unrelated one.
import { firstAvailableDate, nextDays } from "./availability-fit.ts";
import type { IndexedExpert } from "./expert-index.ts";
import type { MatchReason, RankQuery } from "./types.ts";
import { SOON_DAYS, WEIGHTS } from "./weights.ts";

export function tieBreakers(expert: IndexedExpert, query: RankQuery, reasons: MatchReason[]): number {
  let bonus = 0;
  if (query.request.window) {
    const date = firstAvailableDate(expert.slots, query.request.window, query.now);
    if (date) {
      bonus += WEIGHTS.availableInWindow;
      reasons.push({ key: "available", params: { date } });
    }
  } else if (expert.slots.length > 0) {
    const date = firstAvailableDate(expert.slots, nextDays(query.now, SOON_DAYS), query.now);
    if (date) {
      bonus += WEIGHTS.availableSoon;
      reasons.push({ key: "available_soon", params: { date } });
    }
  }
  if (expert.honour) {
    bonus += (WEIGHTS.honourCap * expert.honour.level) / 3;
    reasons.push({ key: "honour", params: { honour: expert.honour.honour } });
  }
  const { outcomes, load } = expert;
  if (outcomes.solved > 0) {
    bonus += Math.min(WEIGHTS.solvedCap, WEIGHTS.perSolved * outcomes.solved);
    reasons.push({ key: "solved_before", params: { count: outcomes.solved } });
  }
  if (outcomes.ratingCount > 0) {
    const average = outcomes.ratingSum / outcomes.ratingCount;
    bonus += WEIGHTS.perRatingPoint * (average - 3);
    if (average >= 4) reasons.push({ key: "rated", params: { rating: Math.round(average * 10) / 10 } });
  }
  bonus += Math.max(WEIGHTS.declineFloor, WEIGHTS.perDecline * outcomes.declined);
  bonus += Math.max(
    WEIGHTS.loadFloor,
    WEIGHTS.perOpenOffer * load.openOffers + WEIGHTS.perOfferThisMonth * load.offersThisMonth,
  );
  return bonus;
}
