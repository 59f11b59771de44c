// The in-memory index the ranker reads: every active expert's taxonomy skills, posting lists per skill
// and per team, and a few precomputed facts. Upsert and remove keep it in step with roster imports and
// availability changes without a restart.
import { canonicalCity, regionOf } from "../../handlers/understanding/places.ts";
import { skillsOfProfile } from "../../handlers/understanding/skills.ts";
import { bestHonour } from "./honours.ts";
import { lexicalTokens } from "./lexical-tokens.ts";
import { rankExperts } from "./rank.ts";
import type { ExpertProfile, RankedExpert, RankQuery } from "./types.ts";

export interface IndexedExpert {
  slot: number;
  profile: ExpertProfile;
  /** Taxonomy skill key -> weight (1 = named in the roster). */
  skills: Map<string, number>;
  /** Canonical city ("东莞"), or the roster's text when it is not a Guangdong city. */
  city: string;
  region: string | null;
  /** Further cities the expert reaches. */
  reaches: Set<string>;
  honour: { honour: string; level: number } | null;
}

export interface Posting {
  slot: number;
  weight: number;
}

export class ExpertIndex {
  private readonly slots: (IndexedExpert | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private readonly byId = new Map<string, number>();
  private readonly skillLists = new Map<string, Posting[]>();
  private readonly teamLists = new Map<string, number[]>();
  private readonly tokenLists = new Map<string, number[]>();
  // Roster skill cells repeat a lot ("数控加工"); map each distinct cell once.
  private readonly cellSkills = new Map<string, { key: string; weight: number }[]>();

  constructor(profiles: Iterable<ExpertProfile> = []) {
    for (const profile of profiles) this.upsert(profile);
  }

  get size(): number {
    return this.byId.size;
  }

  /** Adds or replaces an expert (by database id). */
  upsert(profile: ExpertProfile): void {
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
    const city = canonicalCity(profile.city) ?? profile.city.trim();
    const reaches = new Set<string>();
    for (const other of profile.cities) reaches.add(canonicalCity(other) ?? other.trim());
    const expert: IndexedExpert = {
      slot,
      profile,
      skills,
      city,
      region: regionOf(city),
      reaches,
      honour: bestHonour(profile.honours),
    };
    this.slots[slot] = expert;
    this.byId.set(profile.id, slot);
    for (const [key, weight] of skills) push(this.skillLists, key, { slot, weight });
    if (profile.teamKey) push(this.teamLists, profile.teamKey, slot);
    for (const token of lexicalTokens(profile.skills.join(" "))) push(this.tokenLists, token, slot);
  }

  /** Removes an expert (by database id); false if it was not indexed. */
  remove(id: string): boolean {
    const slot = this.byId.get(id);
    if (slot === undefined) return false;
    const expert = this.slots[slot];
    if (expert) {
      for (const key of expert.skills.keys()) dropSlot(this.skillLists, key, slot, (p) => p.slot);
      if (expert.profile.teamKey) dropSlot(this.teamLists, expert.profile.teamKey, slot, (s) => s);
      for (const token of lexicalTokens(expert.profile.skills.join(" "))) {
        dropSlot(this.tokenLists, token, slot, (s) => s);
      }
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

  skillPostings(key: string): readonly Posting[] {
    return this.skillLists.get(key) ?? [];
  }

  teamPostings(team: string): readonly number[] {
    return this.teamLists.get(team) ?? [];
  }

  tokenPostings(token: string): readonly number[] {
    return this.tokenLists.get(token) ?? [];
  }

  *experts(): IterableIterator<IndexedExpert> {
    for (const expert of this.slots) if (expert) yield expert;
  }

  rank(query: RankQuery): RankedExpert[] {
    return rankExperts(this, query);
  }
}

function push<T>(lists: Map<string, T[]>, key: string, item: T): void {
  const list = lists.get(key);
  if (list) list.push(item);
  else lists.set(key, [item]);
}

function dropSlot<T>(lists: Map<string, T[]>, key: string, slot: number, slotOf: (item: T) => number): void {
  const list = lists.get(key);
  if (!list) return;
  const kept = list.filter((item) => slotOf(item) !== slot);
  if (kept.length === 0) lists.delete(key);
  else lists.set(key, kept);
}
