// What an expert's matches say about them: this year's offers for their card, and offers awaiting their answer.
import type { MatchStatus } from "../core/statuses.ts";
import type { Db } from "./client.ts";
import type { Match } from "./generated/client.ts";

export type OfferedMatchFacts = Pick<Match, "status" | "introducedAt" | "outcome" | "rating">;

/** The expert's matches offered in [from, to), with what became of each. */
export function matchesOfferedBetween(db: Db, expertId: string, from: Date, to: Date): Promise<OfferedMatchFacts[]> {
  return db.match.findMany({
    where: { expertId, offeredAt: { gte: from, lt: to } },
    select: { status: true, introducedAt: true, outcome: true, rating: true },
  });
}

/** How many offers wait for the expert's answer. */
export function openOfferCount(db: Db, expertId: string): Promise<number> {
  const offered: MatchStatus = "offered";
  return db.match.count({ where: { expertId, status: offered } });
}
