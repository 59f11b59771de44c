// Ranking one request against the index. Only experts reached through the posting lists of the
// requested skills, their related skills and their team are scored, so a request costs about the
// length of a few lists, not the size of the roster.
import { areNeighbours, cityEn, regionEn, regionOf } from "../../handlers/understanding/places.ts";
import { extractSkills, relatedSkillKeys, skillByKey, teamOf } from "../../handlers/understanding/skills.ts";
import type { ParsedRequest } from "../../handlers/understanding/types.ts";
import { firstAvailableDate, nextDays } from "./availability-fit.ts";
import type { ExpertIndex, IndexedExpert } from "./expert-index.ts";
import { lexicalTokens } from "./lexical-tokens.ts";
import type { MatchReason, RankedExpert, RankQuery } from "./types.ts";
import { SOON_DAYS, WEIGHTS } from "./weights.ts";

/** How an expert covers one requested skill. */
type Via = "skill" | "related" | "team" | "text" | "none";

interface Fit {
  value: number;
  via: Via;
  /** The expert's own skill key that gave the credit (for related skills). */
  through: string | null;
}

interface Candidate {
  fits: Fit[];
}

const MAX_SKILLS = 3;
const TEAM_FILL_BELOW = 60;

/** Requested taxonomy keys, at most three; read from the text when the structured request has none. */
function requestedSkills(query: RankQuery): string[] {
  const keys = query.request.skills.map((s) => s.key).filter((key) => skillByKey(key));
  const found = keys.length > 0 ? keys : extractSkills(query.text).map((s) => s.key);
  return [...new Set(found)].slice(0, MAX_SKILLS);
}

function raise(candidates: Map<number, Candidate>, slot: number, index: number, count: number, fit: Fit): void {
  let candidate = candidates.get(slot);
  if (!candidate) {
    candidate = { fits: Array.from({ length: count }, () => ({ value: 0, via: "none", through: null })) };
    candidates.set(slot, candidate);
  }
  const current = candidate.fits[index];
  if (current && current.value < fit.value) candidate.fits[index] = fit;
}

function gatherBySkills(index: ExpertIndex, skills: string[]): Map<number, Candidate> {
  const candidates = new Map<number, Candidate>();
  skills.forEach((key, i) => {
    const own = index.skillPostings(key);
    own.slots.forEach((slot, at) => {
      raise(candidates, slot, i, skills.length, { value: own.weights[at] ?? 0, via: "skill", through: key });
    });
    for (const other of relatedSkillKeys(key)) {
      const related = index.skillPostings(other);
      related.slots.forEach((slot, at) => {
        raise(candidates, slot, i, skills.length, {
          value: (related.weights[at] ?? 0) * WEIGHTS.relatedSkill,
          via: "related",
          through: other,
        });
      });
    }
    const team = teamOf(key)?.key;
    // Team members without the skill only fill a short list; with enough skilled experts they never show.
    if (team && candidates.size < TEAM_FILL_BELOW) {
      for (const slot of index.teamPostings(team)) {
        raise(candidates, slot, i, skills.length, { value: WEIGHTS.teamOnly, via: "team", through: null });
      }
    }
  });
  return candidates;
}

// Nothing of the taxonomy in the request: fall back to the team it names, then to shared wording.
function gatherFallback(index: ExpertIndex, query: RankQuery): Map<number, Candidate> {
  const candidates = new Map<number, Candidate>();
  const team = query.request.team?.key;
  if (team) {
    for (const slot of index.teamPostings(team))
      raise(candidates, slot, 0, 1, { value: 0.5, via: "team", through: null });
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
  const best = Math.max(0, ...hits.values());
  for (const [slot, value] of hits) {
    raise(candidates, slot, 0, 1, { value: 0.5 * (value / best), via: "text", through: null });
  }
  if (candidates.size > 0) return candidates;
  // No clue at all: everyone is a candidate and place, mode and the tie-breakers decide.
  for (const expert of index.experts())
    raise(candidates, expert.slot, 0, 1, { value: 0.3, via: "none", through: null });
  return candidates;
}

type PlaceMark = "remote" | "same_city" | "same_district" | "serves_city" | "neighbour_city" | "same_region";

interface Located {
  points: number;
  /** Which place reasons apply; their parameters are built only for the experts shown. */
  marks: PlaceMark[];
}

function locate(expert: IndexedExpert, request: ParsedRequest, wantedRegion: string | null): Located {
  const wanted = request.city;
  const sameCity = wanted !== null && expert.city === wanted;
  if (request.mode === "remote" && expert.canRemote) {
    return {
      points: WEIGHTS.remote + (sameCity ? WEIGHTS.localForRemote : 0),
      marks: sameCity ? ["remote", "same_city"] : ["remote"],
    };
  }
  let points = 0;
  const marks: PlaceMark[] = [];
  if (wanted && sameCity) {
    points = WEIGHTS.sameCity;
    marks.push("same_city");
    const district = expert.district;
    if (district && request.district && district === request.district) {
      points += WEIGHTS.sameDistrict;
      marks.push("same_district");
    }
  } else if (wanted && expert.reaches.includes(wanted)) {
    points = WEIGHTS.servesCity;
    marks.push("serves_city");
  } else if (wanted) {
    const neighbour = areNeighbours(expert.city, wanted);
    if (expert.region !== null && expert.region === wantedRegion) {
      points = WEIGHTS.sameRegion + (neighbour ? WEIGHTS.neighbourInRegion : 0);
      marks.push(neighbour ? "neighbour_city" : "same_region");
    } else if (neighbour) {
      points = WEIGHTS.neighbourOtherRegion;
      marks.push("neighbour_city");
    }
  }
  if (request.mode === "either" && expert.canRemote && points < WEIGHTS.remoteWhenEither) {
    points = WEIGHTS.remoteWhenEither;
    marks.push("remote");
  }
  return { points, marks };
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

interface Scored {
  slot: number;
  score: number;
  fitMax: number;
  candidate: Candidate;
  located: Located;
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

/** Ranks the indexed experts for one request; paused, inactive and excluded experts never appear. */
export function rankExperts(index: ExpertIndex, query: RankQuery): RankedExpert[] {
  const skills = requestedSkills(query);
  const candidates = skills.length > 0 ? gatherBySkills(index, skills) : gatherFallback(index, query);
  const { request } = query;
  const wantedRegion = request.city ? regionOf(request.city) : null;
  const scored: Scored[] = [];
  for (const [slot, candidate] of candidates) {
    const expert = index.at(slot);
    if (!expert || expert.paused || !expert.active) continue;
    if (query.exclude?.has(expert.id)) continue;
    let fitMax = 0;
    let fitMin = Number.POSITIVE_INFINITY;
    for (const fit of candidate.fits) {
      fitMax = Math.max(fitMax, fit.value);
      fitMin = Math.min(fitMin, fit.value);
    }
    const located = locate(expert, request, wantedRegion);
    let score = fitMax + (candidate.fits.length > 1 ? WEIGHTS.allSkills * fitMin : 0);
    // Place counts in proportion to fit: a near expert without the skill must not pass a far one with it.
    score += located.points * fitMax * fitMax;
    if (request.mode === "onsite" && !expert.canOnsite) score += WEIGHTS.remoteOnlyForOnsite;
    scored.push({ slot, score, fitMax, candidate, located });
  }
  // Tie-breakers need more work per expert; look at them only for a generous head of the list.
  scored.sort((a, b) => b.score - a.score);
  const headSize = Math.max(query.top * 4, 50);
  const head = scored.slice(0, headSize).map((entry) => {
    const expert = index.at(entry.slot) as IndexedExpert;
    const extra: MatchReason[] = [];
    const bonus = tieBreakers(expert, query, extra);
    if (request.mode === "onsite" && expert.canOnsite) extra.unshift({ key: "onsite", params: {} });
    const reasons = [
      ...skillReasons(entry.candidate.fits, skills),
      ...placeReasons(entry.located.marks, expert, request),
      ...extra,
    ];
    return { expert, score: entry.score + bonus, reasons };
  });
  head.sort((a, b) => b.score - a.score || a.expert.externalId.localeCompare(b.expert.externalId));
  return head.slice(0, Math.max(0, query.top)).map(({ expert, score, reasons }) => ({
    expertId: expert.id,
    externalId: expert.externalId,
    score: Math.round(score * 1000) / 1000,
    reasons,
  }));
}
