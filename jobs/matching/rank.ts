// Ranking one request against the index. Only experts reached through the posting lists of the
// requested skills, their related skills and their team are scored, so a request costs about the
// length of a few lists, not the size of the roster.
import { areNeighbours, cityEn, regionEn, regionOf } from "../../core/understanding/places.ts";
import { extractSkills, relatedSkillKeys, skillByKey, teamOf } from "../../core/understanding/skills.ts";
import type { ParsedRequest } from "../../core/understanding/types.ts";
import { firstAvailableDate, nextDays } from "./availability-fit.ts";
import { Candidates, type Fit } from "./candidates.ts";
import type { ExpertIndex, IndexedExpert } from "./expert-index.ts";
import { lexicalTokens } from "./lexical-tokens.ts";
import type { MatchReason, RankedExpert, RankQuery } from "./types.ts";
import { SOON_DAYS, WEIGHTS } from "./weights.ts";

const MAX_SKILLS = 3;
const TEAM_FILL_BELOW = 60;

/** Requested taxonomy keys, at most three; read from the text when the structured request has none. */
function requestedSkills(query: RankQuery): string[] {
  const keys = query.request.skills.map((s) => s.key).filter((key) => skillByKey(key));
  const found = keys.length > 0 ? keys : extractSkills(query.text).map((s) => s.key);
  return [...new Set(found)].slice(0, MAX_SKILLS);
}

function gatherBySkills(index: ExpertIndex, skills: string[]): Candidates {
  const candidates = new Candidates(skills.length, index.capacity);
  skills.forEach((key, i) => {
    const own = index.skillPostings(key);
    for (let at = 0; at < own.slots.length; at++) {
      candidates.raise(own.slots[at] ?? 0, i, own.weights[at] ?? 0, "skill", key);
    }
    for (const other of relatedSkillKeys(key)) {
      const related = index.skillPostings(other);
      for (let at = 0; at < related.slots.length; at++) {
        candidates.raise(
          related.slots[at] ?? 0,
          i,
          (related.weights[at] ?? 0) * WEIGHTS.relatedSkill,
          "related",
          other,
        );
      }
    }
    const team = teamOf(key)?.key;
    // Team members without the skill only fill a short list; with enough skilled experts they never show.
    if (team && candidates.size < TEAM_FILL_BELOW) {
      for (const slot of index.teamPostings(team)) candidates.raise(slot, i, WEIGHTS.teamOnly, "team", null);
    }
  });
  return candidates;
}

// Nothing of the taxonomy in the request: fall back to the team it names, then to shared wording.
function gatherFallback(index: ExpertIndex, query: RankQuery): Candidates {
  const candidates = new Candidates(1, index.capacity);
  const team = query.request.team?.key;
  if (team) {
    for (const slot of index.teamPostings(team)) candidates.raise(slot, 0, 0.5, "team", null);
    if (candidates.size > 0) return candidates;
  }
  const hits = new Map<number, number>();
  const cap = Math.max(20, index.size * 0.3);
  for (const token of lexicalTokens(query.text)) {
    const list = index.tokenPostings(token);
    if (list.length === 0 || list.length > cap) continue;
    const idf = Math.log(1 + index.size / list.length);
    for (const slot of list) hits.set(slot, (hits.get(slot) ?? 0) + idf);
  }
  let best = 0;
  for (const value of hits.values()) best = Math.max(best, value);
  for (const [slot, value] of hits) candidates.raise(slot, 0, 0.5 * (value / best), "text", null);
  if (candidates.size > 0) return candidates;
  // No clue at all: everyone is a candidate and place, mode and the tie-breakers decide.
  for (const expert of index.experts()) candidates.raise(expert.slot, 0, 0.3, "none", null);
  return candidates;
}

type PlaceMark = "remote" | "same_city" | "same_district" | "serves_city" | "neighbour_city" | "same_region";

/**
 * Points for where the expert is against where the request wants help. The place reasons that apply go into
 * `marks` when it is given: only for the experts shown, since their parameters cost more than the points.
 */
function locate(
  expert: IndexedExpert,
  request: ParsedRequest,
  wantedRegion: string | null,
  marks?: PlaceMark[],
): number {
  const wanted = request.city;
  const sameCity = wanted !== null && expert.city === wanted;
  if (request.mode === "remote" && expert.canRemote) {
    marks?.push(...(sameCity ? (["remote", "same_city"] as const) : (["remote"] as const)));
    return WEIGHTS.remote + (sameCity ? WEIGHTS.localForRemote : 0);
  }
  let points = 0;
  if (wanted && sameCity) {
    points = WEIGHTS.sameCity;
    marks?.push("same_city");
    const district = expert.district;
    if (district && request.district && district === request.district) {
      points += WEIGHTS.sameDistrict;
      marks?.push("same_district");
    }
  } else if (wanted && expert.reaches.includes(wanted)) {
    points = WEIGHTS.servesCity;
    marks?.push("serves_city");
  } else if (wanted) {
    const neighbour = areNeighbours(expert.city, wanted);
    if (expert.region !== null && expert.region === wantedRegion) {
      points = WEIGHTS.sameRegion + (neighbour ? WEIGHTS.neighbourInRegion : 0);
      marks?.push(neighbour ? "neighbour_city" : "same_region");
    } else if (neighbour) {
      points = WEIGHTS.neighbourOtherRegion;
      marks?.push("neighbour_city");
    }
  }
  if (request.mode === "either" && expert.canRemote && points < WEIGHTS.remoteWhenEither) {
    points = WEIGHTS.remoteWhenEither;
    marks?.push("remote");
  }
  return points;
}

function placeReasons(marks: readonly PlaceMark[], expert: IndexedExpert, request: ParsedRequest): MatchReason[] {
  return marks.map((key): MatchReason => {
    switch (key) {
      case "remote":
        return { key, params: {} };
      case "same_district":
        return { key, params: { district: expert.district ?? "" } };
      case "same_city":
      case "serves_city": {
        const city = request.city ?? expert.city;
        return { key, params: { city, cityEn: cityEn(city) } };
      }
      case "neighbour_city":
        return { key, params: { city: expert.city, cityEn: cityEn(expert.city) } };
      default: {
        const region = expert.region ?? "";
        return { key, params: { region, regionEn: regionEn(region) } };
      }
    }
  });
}

function tieBreakers(expert: IndexedExpert, query: RankQuery, reasons: MatchReason[]): number {
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

function skillReasons(fits: Fit[], skills: string[]): MatchReason[] {
  const reasons: MatchReason[] = [];
  fits.forEach((fit, i) => {
    const requested = skillByKey(skills[i] ?? "");
    if (!requested) return;
    if (fit.via === "skill") {
      reasons.push({ key: "skill", params: { skill: requested.zh, skillEn: requested.en } });
    } else if (fit.via === "related" && fit.through) {
      const own = skillByKey(fit.through);
      if (own) {
        reasons.push({
          key: "related_skill",
          params: { skill: own.zh, skillEn: own.en, requested: requested.zh, requestedEn: requested.en },
        });
      }
    } else if (fit.via === "team") {
      const team = teamOf(requested.key);
      if (team) reasons.push({ key: "team", params: { team: team.zh, teamEn: team.en } });
    }
  });
  // One team reason is enough when both requested skills belong to the same team.
  return reasons.filter((r, i) => r.key !== "team" || reasons.findIndex((o) => o.key === "team") === i);
}

/**
 * Positions (into `scores`) of the `size` highest scores, highest first, equal scores in their order:
 * what a stable sort of all of them would put first, without sorting tens of thousands.
 */
function headOf(scores: Float64Array, size: number): number[] {
  const head: number[] = [];
  if (scores.length <= size) {
    for (let at = 0; at < scores.length; at++) head.push(at);
  } else {
    // The size-th highest score: every score above it is in, and as many equal to it as there is room for.
    const threshold = scores.slice().sort()[scores.length - size] ?? 0;
    let equalRoom = size;
    for (const score of scores) if (score > threshold) equalRoom--;
    for (let at = 0; at < scores.length; at++) {
      const score = scores[at] ?? 0;
      if (score > threshold || (score === threshold && equalRoom-- > 0)) head.push(at);
    }
  }
  return head.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));
}

/** Ranks the indexed experts for one request; paused, inactive and excluded experts never appear. */
export function rankExperts(index: ExpertIndex, query: RankQuery): RankedExpert[] {
  const skills = requestedSkills(query);
  const candidates = skills.length > 0 ? gatherBySkills(index, skills) : gatherFallback(index, query);
  const { request } = query;
  const wantedRegion = request.city ? regionOf(request.city) : null;
  // Scored candidates side by side: their position among the candidates, and their score.
  const positions: number[] = [];
  const allScores = new Float64Array(candidates.size);
  for (let position = 0; position < candidates.size; position++) {
    const expert = index.at(candidates.slots[position] ?? 0);
    if (!expert || expert.paused || !expert.active) continue;
    if (query.exclude?.has(expert.id)) continue;
    const fitMax = candidates.fitMax(position);
    let score = fitMax + (candidates.width > 1 ? WEIGHTS.allSkills * candidates.fitMin(position) : 0);
    // Place counts in proportion to fit: a near expert without the skill must not pass a far one with it.
    score += locate(expert, request, wantedRegion) * fitMax * fitMax;
    if (request.mode === "onsite" && !expert.canOnsite) score += WEIGHTS.remoteOnlyForOnsite;
    allScores[positions.length] = score;
    positions.push(position);
  }
  const scores = allScores.subarray(0, positions.length);
  // Tie-breakers need more work per expert; look at them only for a generous head of the list.
  const head = headOf(scores, Math.max(query.top * 4, 50)).map((at) => {
    const position = positions[at] ?? 0;
    const expert = index.at(candidates.slots[position] ?? 0) as IndexedExpert;
    const marks: PlaceMark[] = [];
    locate(expert, request, wantedRegion, marks);
    const extra: MatchReason[] = [];
    const bonus = tieBreakers(expert, query, extra);
    if (request.mode === "onsite" && expert.canOnsite) extra.unshift({ key: "onsite", params: {} });
    const reasons = [
      ...skillReasons(candidates.fits(position), skills),
      ...placeReasons(marks, expert, request),
      ...extra,
    ];
    return { expert, score: (scores[at] ?? 0) + bonus, reasons };
  });
  head.sort((a, b) => b.score - a.score || a.expert.externalId.localeCompare(b.expert.externalId));
  return head.slice(0, Math.max(0, query.top)).map(({ expert, score, reasons }) => ({
    expertId: expert.id,
    externalId: expert.externalId,
    score: Math.round(score * 1000) / 1000,
    reasons,
  }));
}
