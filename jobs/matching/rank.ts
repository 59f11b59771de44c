// Ranking one request against the index. An expert's fit is the better of two readings of the whole
// profile: the taxonomy (the request's skills, named or inferred from symptoms, against the skills the
// profile holds) and BM25 over the profile's own words. Fit dominates the score; place, mode, availability,
// load and outcomes order experts of similar fit. Below the relevance floor nobody is offered: the best of
// them come back as partial candidates for staff, with why each falls short. Only experts reached through
// the posting lists are scored, so a request costs about the length of a few lists.
import { pausedAt } from "../../core/expert-pause.ts";
import { regionOf } from "../../core/understanding/places.ts";
import { extractSkillScores, relatedSkillKeys, skillByKey, teamOf } from "../../core/understanding/skills.ts";
import { awayThroughout } from "./availability-fit.ts";
import { Candidates } from "./candidates.ts";
import type { ExpertIndex, IndexedExpert } from "./expert-index.ts";
import { headOf } from "./head-of.ts";
import { locate, type PlaceMark, placeReasons } from "./place-fit.ts";
import { distinctReasons, profileReasons } from "./profile-reasons.ts";
import { HALF_FIT_BM25, textFit, textScores } from "./text-relevance.ts";
import { tieBreakers } from "./tie-breakers.ts";
import type { MatchOutcome, MatchReason, PartialCandidate, RankedExpert, RankQuery } from "./types.ts";
import { RELEVANCE_FLOOR, WEIGHTS } from "./weights.ts";

const MAX_SKILLS = 3;
const TEAM_FILL_BELOW = 60;
const PARTIAL_SHOWN = 3;
/** The most a place can add (same city and district, or the city reached). */
const MAX_PLACE = Math.max(WEIGHTS.sameCity + WEIGHTS.sameDistrict, WEIGHTS.remote + WEIGHTS.localForRemote);
/** Words alone below this (a fit of 0.2) bring an expert nowhere near the floor. */
const MIN_WORDS_BM25 = HALF_FIT_BM25 / 4;

interface Requested {
  key: string;
  /** 1 when the request names the skill, less when it is only inferred from symptoms or equipment. */
  confidence: number;
}

/** Requested taxonomy skills, at most three, each with how sure the request's words make it. */
function requestedSkills(query: RankQuery): Requested[] {
  const found = new Map(
    extractSkillScores(query.text).map((s) => [s.skill.key, s.named ? 1 : Math.min(1, s.confidence)]),
  );
  const keys = query.request.skills.map((s) => s.key).filter((key) => skillByKey(key));
  const chosen = keys.length > 0 ? keys : [...found.keys()];
  // A skill the stored request carries but the text does not show was set by a person: it counts in full.
  return [...new Set(chosen)].slice(0, MAX_SKILLS).map((key) => ({ key, confidence: found.get(key) ?? 1 }));
}

function gather(
  index: ExpertIndex,
  skills: readonly Requested[],
  reached: readonly number[],
  bm25: Float64Array,
): Candidates {
  let reach = reached.length;
  for (const { key } of skills) {
    reach += index.skillPostings(key).slots.length;
    for (const other of relatedSkillKeys(key)) reach += index.skillPostings(other).slots.length;
    const team = teamOf(key)?.key;
    if (team) reach += index.teamPostings(team).length;
  }
  const candidates = new Candidates(Math.max(1, skills.length), index.capacity, reach);
  skills.forEach(({ key, confidence }, i) => {
    const own = index.skillPostings(key);
    for (let at = 0; at < own.slots.length; at++) {
      candidates.raise(own.slots[at] ?? 0, i, (own.weights[at] ?? 0) * confidence, "skill", key);
    }
    for (const other of relatedSkillKeys(key)) {
      const related = index.skillPostings(other);
      for (let at = 0; at < related.slots.length; at++) {
        const value = (related.weights[at] ?? 0) * WEIGHTS.relatedSkill * confidence;
        candidates.raise(related.slots[at] ?? 0, i, value, "related", other);
      }
    }
    const team = teamOf(key)?.key;
    // Team members without the skill never pass the floor; they only show staff who else is near.
    if (team && candidates.size < TEAM_FILL_BELOW) {
      for (const slot of index.teamPostings(team)) candidates.raise(slot, i, WEIGHTS.teamOnly, "team", null);
    }
  });
  // Experts whose words barely touch the request are neither offered nor close: leave them out early.
  for (const slot of reached) if ((bm25[slot] ?? 0) >= MIN_WORDS_BM25) candidates.raise(slot, 0, 0, "text", null);
  return candidates;
}

interface Scored {
  expert: IndexedExpert;
  position: number;
  fit: number;
  score: number;
  /** Why the expert cannot be offered although the fit may be enough. */
  barred: "remote_only" | "paused" | null;
}

/** A pause with an end is over once the end has come (core/expert-pause.ts); Dates only for paused experts. */
function pausedNow(expert: IndexedExpert, now: Date): boolean {
  return pausedAt(expert.paused, expert.pausedUntil === null ? null : new Date(expert.pausedUntil), now);
}

/** Ranks the request: the experts above the floor, best first, and the best partial candidates below it. */
export function matchExperts(index: ExpertIndex, query: RankQuery): MatchOutcome {
  const skills = requestedSkills(query);
  const text = textScores(index, query.text);
  const candidates = gather(index, skills, text.reached, text.bm25);
  const { request } = query;
  const wantedRegion = request.city ? regionOf(request.city) : null;
  // Above the floor: positions and scores in flat arrays (tens of thousands at 100,000 experts); objects
  // only for the head. Below it: only the best few are kept, never sorted in full.
  const scoredAt = new Int32Array(candidates.size);
  const allScores = new Float64Array(candidates.size);
  let count = 0;
  const below: Scored[] = [];
  const belowOrder = (a: Scored, b: Scored) =>
    b.score - a.score || a.expert.externalId.localeCompare(b.expert.externalId);
  for (let position = 0; position < candidates.size; position++) {
    const expert = index.at(candidates.slots[position] ?? 0);
    if (!expert?.active || query.exclude?.has(expert.id)) continue;
    const taxonomy = candidates.fitMax(position);
    const words = textFit(text.bm25[expert.slot] ?? 0);
    const fit = 1 - (1 - taxonomy) * (1 - words);
    let score = fit + WEIGHTS.wordsOrder * words;
    const paused = expert.paused && !query.withPaused && pausedNow(expert, query.now);
    if (fit < RELEVANCE_FLOOR && !paused) {
      // Below the floor only the best few matter to staff: most are out before their place is weighed.
      const last = below[PARTIAL_SHOWN - 1];
      if (fit <= WEIGHTS.teamOnly * 0.5) continue;
      if (last && below.length === PARTIAL_SHOWN && score + MAX_PLACE * fit * fit < last.score) continue;
    }
    // Covering every requested skill means holding each of them, not a related one.
    const weakest = candidates.width > 1 ? candidates.fitMin(position) : 0;
    if (weakest >= RELEVANCE_FLOOR) score += WEIGHTS.allSkills * weakest;
    // Place counts in proportion to fit: a near expert without the skill must not pass a far one with it.
    score += locate(expert, request, wantedRegion) * fit * fit;
    const remoteOnly = request.mode === "onsite" && !expert.canOnsite;
    // Offers never go to a remote-only expert for on-site help; a plain ranking only places them lower.
    if (remoteOnly && !query.forOffer) score += WEIGHTS.remoteOnlyForOnsite;
    if (request.mode === "onsite" && awayThroughout(expert.away, request.window, query.now)) {
      score += WEIGHTS.awayForOnsite;
    }
    const barred = paused ? "paused" : remoteOnly && query.forOffer ? "remote_only" : null;
    if (fit >= RELEVANCE_FLOOR && barred === null) {
      scoredAt[count] = position;
      allScores[count] = score;
      count++;
    } else if (fit > WEIGHTS.teamOnly * 0.5 || barred !== null) {
      const last = below[PARTIAL_SHOWN - 1];
      if (below.length === PARTIAL_SHOWN && last && score < last.score) continue;
      below.push({ expert, position, fit, score, barred });
      below.sort(belowOrder);
      if (below.length > PARTIAL_SHOWN) below.pop();
    }
  }
  const entryAt = (at: number): Scored => {
    const position = scoredAt[at] ?? 0;
    const expert = index.at(candidates.slots[position] ?? 0) as IndexedExpert;
    const taxonomy = candidates.fitMax(position);
    const fit = 1 - (1 - taxonomy) * (1 - textFit(text.bm25[expert.slot] ?? 0));
    return { expert, position, fit, score: allScores[at] ?? 0, barred: null };
  };
  const heldKeys = (position: number) =>
    candidates
      .fits(position)
      .map((fit, i) => (fit.via === "skill" && fit.value >= RELEVANCE_FLOOR ? (skills[i]?.key ?? "") : ""))
      .filter((key) => key !== "");
  const terms = new Set(text.terms);
  const reasonsOf = (entry: Scored): MatchReason[] => {
    const held = heldKeys(entry.position);
    const own = profileReasons(entry.expert, terms, held);
    // A taxonomy skill held under another name still deserves its label when the profile's words say nothing.
    const labels = own.length > 0 ? [] : held.map((key) => skillByKey(key)).filter((s) => s !== undefined);
    return [...own, ...labels.map((s) => ({ key: "skill", params: { skill: s.zh, skillEn: s.en } }))];
  };

  const scores = allScores.subarray(0, count);
  // Tie-breakers need more work per expert; look at them only for a generous head of the list.
  const head = headOf(scores, Math.max(query.top * 4, 50)).map((at) => {
    const entry = entryAt(at);
    const extra: MatchReason[] = [];
    const bonus = tieBreakers(entry.expert, query, extra);
    return { entry, score: entry.score + bonus, extra };
  });
  head.sort((a, b) => b.score - a.score || a.entry.expert.externalId.localeCompare(b.entry.expert.externalId));
  const ranked = head.slice(0, Math.max(0, query.top)).map(({ entry, score, extra }): RankedExpert => {
    const marks: PlaceMark[] = [];
    locate(entry.expert, request, wantedRegion, marks);
    if (request.mode === "onsite" && entry.expert.canOnsite) extra.unshift({ key: "onsite", params: {} });
    return {
      expertId: entry.expert.id,
      externalId: entry.expert.externalId,
      score: Math.round(score * 1000) / 1000,
      reasons: distinctReasons([...reasonsOf(entry), ...placeReasons(marks, entry.expert, request), ...extra]),
      covers: heldKeys(entry.position),
    };
  });

  const partial = below.map((entry): PartialCandidate => {
    const shortfall: MatchReason[] = [];
    if (entry.barred) shortfall.push({ key: `short_${entry.barred}`, params: {} });
    if (entry.fit < RELEVANCE_FLOOR) {
      const related = candidates.fits(entry.position).find((fit) => fit.via === "related" && fit.through);
      const own = related?.through ? skillByKey(related.through) : undefined;
      shortfall.push(
        own ? { key: "short_related", params: { skill: own.zh, skillEn: own.en } } : { key: "short_weak", params: {} },
      );
    }
    return {
      expertId: entry.expert.id,
      externalId: entry.expert.externalId,
      name: entry.expert.name,
      score: Math.round(entry.score * 1000) / 1000,
      reasons: reasonsOf(entry),
      shortfall,
    };
  });
  return { candidates: ranked, partial };
}

/** The experts above the relevance floor, best first (contract 2's list). */
export function rankExperts(index: ExpertIndex, query: RankQuery): RankedExpert[] {
  return matchExperts(index, query).candidates;
}
