// BM25 of a request's terms over every expert's whole profile (skills, title, achievements, employer,
// honours, weighted by field), read from the index's term postings. Terms most profiles hold say little and
// would cost the most, so they are left out.
import { withoutPlaces } from "../../core/understanding/places.ts";
import type { ExpertIndex } from "./expert-index.ts";
import { requestTerms } from "./profile-terms.ts";

const K1 = 1.2;
const B = 0.75;
/** A term held by more than this share of the roster is too common to tell experts apart. */
const COMMON_SHARE = 0.25;
/**
 * The roster size idf assumes at least: in a small roster (a pilot, a test) a word held by one expert out of
 * three is still a specific word, and the floor must not depend on how many experts were imported so far.
 */
const MIN_ROSTER = 1000;
/**
 * The BM25 that counts as half a fit: about one uncommon three-character word ("变频器": two bigrams and the
 * word) written in the expert's skills.
 */
export const HALF_FIT_BM25 = 14;

export interface TextScores {
  /** BM25 per index slot (0 where nothing matched). */
  bm25: Float64Array;
  /** Slots with a score, in the order first reached. */
  reached: number[];
  /** The request terms that occur in the roster. */
  terms: string[];
}

export function textScores(index: ExpertIndex, text: string): TextScores {
  const bm25 = new Float64Array(index.capacity);
  const reached: number[] = [];
  const terms: string[] = [];
  const size = index.size;
  if (size === 0) return { bm25, reached, terms };
  const meanLength = index.meanLength;
  for (const term of requestTerms(withoutPlaces(text))) {
    const list = index.termPostings(term);
    const df = list.slots.length;
    if (df === 0) continue;
    terms.push(term);
    if (df > Math.max(3, size * COMMON_SHARE)) continue;
    const idf = Math.log(1 + (Math.max(size, MIN_ROSTER) - df + 0.5) / (df + 0.5));
    for (let at = 0; at < df; at++) {
      const slot = list.slots[at] ?? 0;
      const tf = list.weights[at] ?? 0;
      const length = index.lengthAt(slot);
      const part = (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / meanLength));
      if (bm25[slot] === 0) reached.push(slot);
      bm25[slot] = (bm25[slot] ?? 0) + part;
    }
  }
  return { bm25, reached, terms };
}

/** A BM25 as a fit between 0 and 1: HALF_FIT_BM25 is 0.5, and more words bring it closer to 1. */
export function textFit(bm25: number): number {
  return bm25 / (bm25 + HALF_FIT_BM25);
}
