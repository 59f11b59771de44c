// The in-memory index the ranker reads: every expert's taxonomy skills, posting lists per skill, team and
// profile term (BM25 over the whole profile, fields weighted), and only the facts ranking needs. Upsert and remove keep it in step with roster imports and
// availability changes without a restart. A worker holds 100,000 experts: each is one flat object
// with shared strings, lists and counters, and postings are typed arrays (posting-list.ts).
import { canonicalCity, canonicalDistrict, regionOf } from "../../core/understanding/places.ts";
import { skillsOfProfile } from "../../core/understanding/skills.ts";
import type { AvailabilitySlot, DateWindow } from "../../core/understanding/types.ts";
import { bestHonour } from "./honours.ts";
import { noPostings, PostingList, type Postings } from "./posting-list.ts";
import { BIGRAMS_ONLY, FIELD_WEIGHTS, type ProfileField, profileTerms } from "./profile-terms.ts";
import type { ExpertLoad, ExpertOutcomes, ExpertProfile } from "./types.ts";

export type { Postings } from "./posting-list.ts";

export interface IndexedExpert {
  slot: number;
  /** Database id. */
  id: string;
  externalId: string;
  /** Canonical city ("东莞"), or the roster's text when it is not a Guangdong city. */
  city: string;
  district: string | null;
  region: string | null;
  /** Further cities the expert reaches. */
  reaches: readonly string[];
  canOnsite: boolean;
  canRemote: boolean;
  paused: boolean;
  /** End of a pause (epoch ms), or null for none or no end. */
  pausedUntil: number | null;
  active: boolean;
  slots: readonly AvailabilitySlot[];
  /** Days said away (出差, 请假): on-site requests on them rank the expert last. */
  away: readonly DateWindow[];
  honour: Honour | null;
  load: ExpertLoad;
  outcomes: ExpertOutcomes;
  teamKey: string | null;
  /** Taxonomy keys the expert is listed under: what remove() takes out again. */
  skillKeys: readonly string[];
  /** The profile's own words, for retrieval and for reasons. */
  name: string;
  skills: readonly string[];
  achievements: string;
  title: string;
  employer: string;
  honours: readonly string[];
  /** Field-weighted count of the profile's terms (BM25's document length). */
  length: number;
}

export interface Honour {
  honour: string;
  level: number;
}

const none: readonly never[] = [];
const noLoad: ExpertLoad = Object.freeze({ openOffers: 0, offersThisMonth: 0 });
const noOutcomes: ExpertOutcomes = Object.freeze({ accepted: 0, declined: 0, solved: 0, ratingSum: 0, ratingCount: 0 });

export class ExpertIndex {
  private readonly slots: (IndexedExpert | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private readonly byId = new Map<string, number>();
  private readonly skillLists = new Map<string, PostingList>();
  private readonly teamLists = new Map<string, number[]>();
  private readonly termLists = new Map<string, PostingList>();
  // Profile lengths by slot beside the experts: BM25 reads one per posting, the hottest loop of a ranking.
  private readonly lengths: number[] = [];
  private totalLength = 0;
  // Roster skill cells repeat a lot ("数控加工"); map each distinct cell once.
  private readonly cellSkills = new Map<string, { key: string; weight: number }[]>();
  // Cities, districts, teams, skill cells and honours repeat across experts but arrive as fresh strings from
  // each row; one copy each. Lists and counters that repeat (the same honours, the same load) are shared too.
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string, readonly string[]>();
  private readonly loads = new Map<string, ExpertLoad>();
  private readonly outcomeSets = new Map<string, ExpertOutcomes>();
  private readonly honours = new Map<string, Honour>();
  // The roster writes 长安镇 where a request says 长安: one spelling each, looked up once per city and name.
  private readonly districts = new Map<string, string>();

  constructor(profiles: Iterable<ExpertProfile> = []) {
    for (const profile of profiles) this.upsert(profile);
  }

  /** Builds an index page by page, so that each page of profiles can be let go once it is absorbed. */
  static async fromPages(pages: AsyncIterable<Iterable<ExpertProfile>>): Promise<ExpertIndex> {
    const index = new ExpertIndex();
    for await (const page of pages) for (const profile of page) index.upsert(profile);
    return index;
  }

  get size(): number {
    return this.byId.size;
  }

  /** Slots in use or free: every slot a posting names is below it. */
  get capacity(): number {
    return this.slots.length;
  }

  /** Adds or replaces an expert (by database id). */
  upsert(profile: ExpertProfile): void {
    // Each offer changes an expert's load, far more often than their words change: then only the
    // circumstances are replaced, and the postings (the costly part: segmenting the profile) stay.
    const known = this.get(profile.id);
    if (known && sameWords(known, profile)) {
      this.slots[known.slot] = { ...known, ...this.circumstancesOf(profile) };
      return;
    }
    this.remove(profile.id);
    const slot = this.freeSlots.pop() ?? this.slots.length;
    const skills = new Map<string, number>();
    for (const cell of profile.skills) {
      let mapped = this.cellSkills.get(cell);
      if (!mapped) {
        mapped = skillsOfProfile([cell]);
        this.cellSkills.set(cell, mapped);
      }
      for (const { key, weight } of mapped) if ((skills.get(key) ?? 0) < weight) skills.set(key, weight);
    }
    if (profile.achievements.trim() !== "") {
      for (const { key, weight } of skillsOfProfile([], profile.achievements)) {
        if ((skills.get(key) ?? 0) < weight) skills.set(key, weight);
      }
    }
    const teamKey = profile.teamKey === null ? null : this.intern(profile.teamKey);
    // A fresh map per profile dies young; clearing one long-lived map reallocated its table in the old
    // generation each time, and that garbage was most of the build's peak memory.
    const terms = weightedTerms(profile);
    let length = 0;
    for (const tf of terms.values()) length += tf;
    const expert: IndexedExpert = {
      slot,
      id: profile.id,
      ...this.circumstancesOf(profile),
      teamKey,
      skillKeys: skills.size === 0 ? none : [...skills.keys()],
      skills: profile.skills.length === 0 ? none : profile.skills.map((cell) => this.intern(cell)),
      achievements:
        profile.achievements.length <= SHORT_TEXT ? this.intern(profile.achievements) : profile.achievements,
      title: this.intern(profile.title),
      employer: this.intern(profile.employer),
      honours: this.listOf(profile.honours),
      length,
    };
    this.slots[slot] = expert;
    this.byId.set(profile.id, slot);
    for (const [key, weight] of skills) listFor(this.skillLists, key).push(slot, weight);
    if (teamKey) push(this.teamLists, teamKey, slot);
    for (const [term, tf] of terms) listFor(this.termLists, term).push(slot, tf);
    this.totalLength += length;
    this.lengths[slot] = length;
  }

  /** What changes about an expert without their words changing: place, modes, availability, load, outcomes. */
  private circumstancesOf(profile: ExpertProfile) {
    const city = this.intern(canonicalCity(profile.city) ?? profile.city.trim());
    return {
      externalId: profile.externalId,
      name: profile.name,
      city,
      district: profile.district === null ? null : this.districtOf(city, profile.district),
      region: regionOf(city),
      reaches:
        profile.cities.length === 0
          ? none
          : [...new Set(profile.cities.map((other) => this.intern(canonicalCity(other) ?? other.trim())))],
      canOnsite: profile.canOnsite,
      canRemote: profile.canRemote,
      paused: profile.paused,
      pausedUntil: profile.pausedUntil,
      active: profile.active,
      slots: profile.slots.length === 0 ? none : profile.slots,
      away: profile.away.length === 0 ? none : profile.away,
      honour: this.honourOf(profile.honours),
      load: this.loadOf(profile.load),
      outcomes: this.outcomesOf(profile.outcomes),
    } satisfies Partial<IndexedExpert>;
  }

  /** Removes an expert (by database id); false if it was not indexed. */
  remove(id: string): boolean {
    const slot = this.byId.get(id);
    if (slot === undefined) return false;
    const expert = this.slots[slot];
    if (expert) {
      for (const key of expert.skillKeys) dropFrom(this.skillLists, key, slot);
      if (expert.teamKey) dropSlot(this.teamLists, expert.teamKey, slot);
      for (const term of weightedTerms(expert).keys()) dropFrom(this.termLists, term, slot);
      this.totalLength -= expert.length;
    }
    this.slots[slot] = undefined;
    this.byId.delete(id);
    this.freeSlots.push(slot);
    return true;
  }

  get(id: string): IndexedExpert | undefined {
    const slot = this.byId.get(id);
    return slot === undefined ? undefined : this.slots[slot];
  }

  at(slot: number): IndexedExpert | undefined {
    return this.slots[slot];
  }

  skillPostings(key: string): Postings {
    return this.skillLists.get(key)?.view() ?? noPostings;
  }

  teamPostings(team: string): readonly number[] {
    return this.teamLists.get(team) ?? none;
  }

  /** Experts whose profile holds `term`, with its field-weighted frequency. */
  termPostings(term: string): Postings {
    return this.termLists.get(term)?.view() ?? noPostings;
  }

  /** The field-weighted profile length of the expert in `slot`. */
  lengthAt(slot: number): number {
    return this.lengths[slot] ?? this.meanLength;
  }

  /** Mean field-weighted profile length (BM25's average document length). */
  get meanLength(): number {
    return this.byId.size === 0 ? 1 : Math.max(1, this.totalLength / this.byId.size);
  }

  *experts(): IterableIterator<IndexedExpert> {
    for (const expert of this.slots) if (expert) yield expert;
  }

  private intern(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
  }

  /** A list that many experts share (their honours): one copy of each text, one list for all who write it. */
  private listOf(items: readonly string[]): readonly string[] {
    if (items.length === 0) return none;
    const key = items.join("\u0001");
    const known = this.lists.get(key);
    if (known) return known;
    const list = Object.freeze(items.map((item) => this.intern(item)));
    this.lists.set(key, list);
    return list;
  }

  private loadOf(load: ExpertLoad): ExpertLoad {
    if (load.openOffers === 0 && load.offersThisMonth === 0) return noLoad;
    const key = `${load.openOffers},${load.offersThisMonth}`;
    let known = this.loads.get(key);
    if (!known) {
      known = Object.freeze({ openOffers: load.openOffers, offersThisMonth: load.offersThisMonth });
      this.loads.set(key, known);
    }
    return known;
  }

  private outcomesOf(outcomes: ExpertOutcomes): ExpertOutcomes {
    const { accepted, declined, solved, ratingSum, ratingCount } = outcomes;
    if (accepted === 0 && declined === 0 && solved === 0 && ratingSum === 0 && ratingCount === 0) return noOutcomes;
    const key = `${accepted},${declined},${solved},${ratingSum},${ratingCount}`;
    let known = this.outcomeSets.get(key);
    if (!known) {
      known = Object.freeze({ accepted, declined, solved, ratingSum, ratingCount });
      this.outcomeSets.set(key, known);
    }
    return known;
  }

  private districtOf(city: string, district: string): string {
    const written = `${city}|${district}`;
    let known = this.districts.get(written);
    if (known === undefined) {
      known = this.intern(canonicalDistrict(city, district));
      this.districts.set(written, known);
    }
    return known;
  }

  private honourOf(honours: readonly string[]): Honour | null {
    const best = bestHonour(honours);
    if (!best) return null;
    const known = this.honours.get(best.honour);
    if (known) return known;
    this.honours.set(best.honour, best);
    return best;
  }
}

/** Short field values repeat across a roster (数控加工, 高级技师, 全国劳动模范): their terms are read once. */
const SHORT_TEXT = 40;
// Bounded: a roster of free-text cells must not grow it past a few megabytes.
const TERM_CACHE_LIMIT = 50_000;
const termCache = new Map<string, readonly string[]>();

function termsOf(text: string, field: ProfileField): readonly string[] {
  const words = !BIGRAMS_ONLY.has(field);
  if (text.length > SHORT_TEXT) return profileTerms(text, words);
  const key = words ? text : `\u0000${text}`;
  let terms = termCache.get(key);
  if (!terms) {
    terms = profileTerms(text, words);
    if (termCache.size < TERM_CACHE_LIMIT) termCache.set(key, terms);
  }
  return terms;
}

/**
 * A profile's terms with their field-weighted frequencies. A list field is read item by item (a term never
 * spans two skills or honours), so that each item's terms come from the cache.
 */
export function weightedTerms(profile: Record<ProfileField, string | readonly string[]>): Map<string, number> {
  const terms = new Map<string, number>();
  for (const field of Object.keys(FIELD_WEIGHTS) as ProfileField[]) {
    const value = profile[field];
    const weight = FIELD_WEIGHTS[field];
    for (const text of typeof value === "string" ? [value] : value) {
      if (text.trim() === "") continue;
      for (const term of termsOf(text, field)) terms.set(term, (terms.get(term) ?? 0) + weight);
    }
  }
  return terms;
}

/** Whether the profile has the words (and team) the expert was indexed with, so its postings still hold. */
function sameWords(known: IndexedExpert, profile: ExpertProfile): boolean {
  return (
    known.teamKey === profile.teamKey &&
    known.achievements === profile.achievements &&
    known.title === profile.title &&
    known.employer === profile.employer &&
    sameList(known.skills, profile.skills) &&
    sameList(known.honours, profile.honours)
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function listFor(lists: Map<string, PostingList>, key: string): PostingList {
  let list = lists.get(key);
  if (!list) {
    list = new PostingList();
    lists.set(key, list);
  }
  return list;
}

function dropFrom(lists: Map<string, PostingList>, key: string, slot: number): void {
  const list = lists.get(key);
  if (list?.drop(slot) && list.size === 0) lists.delete(key);
}

function push(lists: Map<string, number[]>, key: string, slot: number): void {
  const list = lists.get(key);
  if (list) list.push(slot);
  else lists.set(key, [slot]);
}

function dropSlot(lists: Map<string, number[]>, key: string, slot: number): void {
  const list = lists.get(key);
  if (!list) return;
  const at = list.indexOf(slot);
  if (at >= 0) list.splice(at, 1);
  if (list.length === 0) lists.delete(key);
}
