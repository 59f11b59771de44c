// The matching engine's inputs and outputs. Profiles are plain data built from the database,
// so the index can be rebuilt or updated without touching Prisma.
import type { ParsedRequest } from "../../core/understanding/types.ts";

export type { ExpertLoad, ExpertOutcomes, ExpertProfile } from "../../prisma/expert-profiles.ts";

/** A reason a person can read, rendered from locales/<lng>.json `reasons.<key>` with params. */
export interface MatchReason {
  key: string;
  params: Record<string, string | number>;
}

export interface RankedExpert {
  expertId: string;
  externalId: string;
  score: number;
  reasons: MatchReason[];
  /** The requested taxonomy skills the expert holds well enough to take on alone. */
  covers: string[];
}

/** An expert below the relevance floor or barred from an offer, shown to staff with why they fall short. */
export interface PartialCandidate {
  expertId: string;
  externalId: string;
  name: string;
  score: number;
  /** What the expert does bring. */
  reasons: MatchReason[];
  /** Why they were not offered (`reasons.short_*`). */
  shortfall: MatchReason[];
}

/** A ranking: who may be offered (above the floor, best first) and, for staff, who came closest otherwise. */
export interface MatchOutcome {
  candidates: RankedExpert[];
  partial: PartialCandidate[];
}

export interface RankQuery {
  request: ParsedRequest;
  /** The original text, for signals the structured request does not carry. */
  text: string;
  top: number;
  /** Reference time for availability and load. */
  now: Date;
  /** Experts never to return (already offered, declined…). */
  exclude?: ReadonlySet<string>;
  /**
   * The ranking decides who is asked: hard constraints apply (an on-site request never reaches a remote-only
   * expert). Without it (batch lists, /find) such experts are only placed lower.
   */
  forOffer?: boolean;
  /** Paused experts are listed too (a staff search), instead of coming back as partial candidates. */
  withPaused?: boolean;
}
