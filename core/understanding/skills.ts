// The skill taxonomy (knowledge/skills.json) and skill extraction from free text.
// Names count fully; keywords, symptoms and equipment are weaker hints a factory uses instead of the skill's name.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { foldText, type TermHit, TermMatcher } from "./term-matcher.ts";
import type { SkillRef, TeamRef } from "./types.ts";

const skillSchema = z.object({
  key: z.string().regex(/^[a-z0-9_]+$/),
  zh: z.string().min(1),
  en: z.string().min(1),
  team: z.string().min(1),
  synonyms: z.array(z.string()),
  keywords: z.array(z.string()),
  symptoms: z.array(z.string()),
  equipment: z.array(z.string()),
  related: z.array(z.string()),
});
const teamSchema = z.object({ key: z.string(), zh: z.string(), en: z.string() });

export type SkillEntry = z.infer<typeof skillSchema>;

export type TermKind = "name" | "keyword" | "symptom" | "equipment";

/** How much one distinct term says about a skill. */
const KIND_WEIGHT: Record<TermKind, number> = { name: 1, keyword: 0.45, symptom: 0.5, equipment: 0.5 };

/** A skill found in a text with how sure we are (0–1). */
export interface SkillScore {
  skill: SkillRef;
  confidence: number;
  /** Whether the skill was named (label or synonym), not only hinted at. */
  named: boolean;
}

export interface WeightedSkill {
  key: string;
  /** 1 = the skill itself, lower = inferred from wording or other text. */
  weight: number;
}

interface SkillTerm {
  key: string;
  kind: TermKind;
  /** A machine whose name holds the skill's (数控机床, 折弯机): it names the skill, and is a machine. */
  machine?: true;
}

interface Taxonomy {
  skills: Map<string, SkillEntry>;
  refs: Map<string, SkillRef>;
  teams: Map<string, TeamRef>;
  related: Map<string, string[]>;
  matcher: TermMatcher<SkillTerm>;
  teamMatcher: TermMatcher<string>;
  /** CJK bigram -> ids of the Chinese names that contain it, for the fuzzy fallback. */
  bigrams: Map<string, number[]>;
  fuzzyNames: { key: string; size: number; head: string }[];
  /** Latin words of the taxonomy's terms long enough to respell a typo towards (injecton → injection). */
  latinWords: Set<string>;
}

const knowledgeUrl = (file: string) => new URL(`./knowledge/${file}`, import.meta.url);
const CJK = /^[\u3400-\u9fff]{2}$/;
// Nouns of a machine: a skill's name right before one (纺纱机, 数控车床, 茶叶机械) names the machine that
// broke or is meant, not the trade needed, so it counts as a piece of equipment.
const MACHINE_AFTER = /^(机|床|设备|装备|机器|机组|机械|机台|生产线|产线)/;
// Longer words that contain a skill's term but are not about it; they win as longest matches.
const NOT_SKILLS = ["电动车", "电动自行车", "动车票", "技术员", "设计员"];

/**
 * A part deforming while it is machined (薄壁件变形, 工件一加工完就变形, thin-wall parts warp): the deformation is a
 * machining problem, so the shared symptom words (变形, warp) count for CNC machining alone. Moulded, fired,
 * welded, hardened or wooden things deform too: when the text says so, the rule stays out of the way.
 */
const MACHINING_DEFORMATION =
  /(?:薄壁|加工|机加|铣|车削|车完|车好|磨削|磨完|钻孔|切削|装夹|夹紧|夹持|工件|零件|铝件|钢件|结构件|轴类|法兰|壳体|腔体)[^，。,.!?！？；;\n]{0,8}(?:变形|变型|翘曲|翘起|弯曲|扭曲)|(?:变形|变型|翘曲)[^，。,.!?！？；;\n]{0,4}(?:加工|铣|车削|装夹)|\bthin[- ]?wall(?:ed)?\b[^,.;!?\n]{0,40}\b(?:deform|distort|warp|bend)|\b(?:deform|distort|warp)\w*[^,.;!?\n]{0,20}\b(?:machining|milling|turning|clamping)\b/i;
const NOT_MACHINED =
  /塑|胶|啤|瓷|砖|玻璃|木|家具|焊|淬|热处理|轨道|边坡|监测|铸|锻|\bplastic|\bmou?ld|\bweld|\bceramic|\bglass/i;
const MACHINING_SKILL = "cnc";
/** The symptom words several trades share, which a machining deformation gives to machining. */
const DEFORMATION_TERMS = new Set(["变形", "翘曲", "warpage", "warping", "warp"]);

const LATIN_WORD = /[a-z]+/g;
// Typos are respelled only in longer words: a short one is too near others ("would" is one letter from "mould").
const MIN_RESPELLED = 7;

let cached: Taxonomy | undefined;

function cjkBigrams(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    const pair = text.slice(i, i + 2);
    if (CJK.test(pair)) out.push(pair);
  }
  return out;
}

function build(): Taxonomy {
  const raw = JSON.parse(readFileSync(knowledgeUrl("skills.json"), "utf8")) as { skills: unknown };
  const entries = z.array(skillSchema).parse(raw.skills);
  const teamList = z.array(teamSchema).parse(JSON.parse(readFileSync(knowledgeUrl("teams.json"), "utf8")));
  const teams = new Map(teamList.map((team) => [team.key, team]));
  const skills = new Map<string, SkillEntry>();
  const refs = new Map<string, SkillRef>();
  const related = new Map<string, string[]>();
  const matcher = new TermMatcher<SkillTerm>();
  const teamMatcher = new TermMatcher<string>();
  const bigrams = new Map<string, number[]>();
  const fuzzyNames: { key: string; size: number; head: string }[] = [];
  const latinWords = new Set<string>();

  for (const entry of entries) {
    if (!teams.has(entry.team)) throw new Error(`skills.json: ${entry.key} names unknown team ${entry.team}`);
    if (skills.has(entry.key)) throw new Error(`skills.json: duplicate key ${entry.key}`);
    skills.set(entry.key, entry);
    refs.set(entry.key, { key: entry.key, zh: entry.zh, en: entry.en, team: entry.team });
    const kinds: [TermKind, string[]][] = [
      ["name", [entry.zh, entry.en, ...entry.synonyms]],
      ["keyword", entry.keywords],
      ["symptom", entry.symptoms],
      ["equipment", entry.equipment],
    ];
    const names = [entry.zh, entry.en, ...entry.synonyms].map((name) => foldText(name)).filter((n) => n.length >= 2);
    for (const [kind, terms] of kinds) {
      for (const term of terms) {
        // A hint that contains the skill's own name (焊接变形 for 焊接) names the skill.
        const folded = foldText(term);
        const holdsName = names.some((name) => folded.includes(name));
        const payload: SkillTerm = { key: entry.key, kind: kind === "name" || holdsName ? "name" : kind };
        if (kind === "equipment") payload.machine = true;
        matcher.add(term, payload);
        for (const word of folded.match(LATIN_WORD) ?? []) if (word.length >= MIN_RESPELLED) latinWords.add(word);
      }
    }
    for (const name of [entry.zh, ...entry.synonyms]) {
      const pairs = [...new Set(cjkBigrams(name))];
      if (pairs.length < 2) continue;
      const id = fuzzyNames.length;
      fuzzyNames.push({ key: entry.key, size: pairs.length, head: pairs[0] ?? "" });
      for (const pair of pairs) {
        const list = bigrams.get(pair);
        if (list) list.push(id);
        else bigrams.set(pair, [id]);
      }
    }
  }
  // Related is symmetric: if welding lists rail_welding, rail_welding earns credit for welding too.
  for (const entry of entries) {
    for (const other of entry.related) {
      if (!skills.has(other)) throw new Error(`skills.json: ${entry.key} relates to unknown ${other}`);
      for (const [a, b] of [
        [entry.key, other],
        [other, entry.key],
      ] as const) {
        const list = related.get(a) ?? [];
        if (!list.includes(b)) list.push(b);
        related.set(a, list);
      }
    }
  }
  for (const word of NOT_SKILLS) matcher.add(word, { key: "", kind: "keyword" });
  for (const team of teamList) {
    for (const name of [team.zh, `${team.zh}服务队`, team.en]) teamMatcher.add(name, team.key);
  }
  return { skills, refs, teams, related, matcher, teamMatcher, bigrams, fuzzyNames, latinWords };
}

function taxonomy(): Taxonomy {
  cached ??= build();
  return cached;
}

/** Every skill of the taxonomy. */
export function allSkills(): SkillRef[] {
  return [...taxonomy().refs.values()];
}

export function skillByKey(key: string): SkillRef | undefined {
  return taxonomy().refs.get(key);
}

/** The full taxonomy entry (synonyms, symptoms…) of a skill. */
export function skillEntry(key: string): SkillEntry | undefined {
  return taxonomy().skills.get(key);
}

export function teamByKey(key: string): TeamRef | undefined {
  return taxonomy().teams.get(key);
}

export function allTeams(): TeamRef[] {
  return [...taxonomy().teams.values()];
}

/** The service team a skill belongs to. */
export function teamOf(skillKey: string): TeamRef | null {
  const skill = taxonomy().refs.get(skillKey);
  return skill ? (taxonomy().teams.get(skill.team) ?? null) : null;
}

/** Skills that earn partial credit for each other, in both directions. */
export function relatedSkillKeys(skillKey: string): readonly string[] {
  return taxonomy().related.get(skillKey) ?? [];
}

/** A team named in the text (精密制造, 精密制造服务队, Precision Manufacturing), or null. */
export function extractTeam(text: string): TeamRef | null {
  const hit = taxonomy().teamMatcher.findLongest(foldText(text))[0];
  const key = hit?.payloads[0];
  return key ? (taxonomy().teams.get(key) ?? null) : null;
}

interface Tally {
  score: number;
  named: boolean;
  first: number;
  terms: Set<string>;
}

/**
 * Whether the term right after `hit` is a machine, which makes `hit` its modifier (纺纱机, 数控折弯机): in a
 * request the trade of the machine that broke is not the trade asked for (the 变频器 of a 纺纱机 needs an
 * electrician, not a dyer).
 */
function modifiesMachine(folded: string, hit: TermHit<SkillTerm>, next: TermHit<SkillTerm> | undefined): boolean {
  if (MACHINE_AFTER.test(folded.slice(hit.end, hit.end + 3))) return true;
  return next !== undefined && next.start === hit.end && next.payloads.some((p) => p.machine === true);
}

/** `profile`: the text is what an expert does, where a machine's trade is the expert's own. */
function tallyTerms(folded: string, profile: boolean): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  const hits = taxonomy().matcher.findLongest(folded);
  const machined = !profile && MACHINING_DEFORMATION.test(folded) && !NOT_MACHINED.test(folded);
  if (machined) {
    tallies.set(MACHINING_SKILL, { score: 0.9, named: false, first: 0, terms: new Set(["machined"]) });
  }
  for (const [at, hit] of hits.entries()) {
    if (machined && DEFORMATION_TERMS.has(hit.term)) continue;
    // A term shared by several skills (变形, 无人机) says less about each of them.
    const skillsOfTerm = new Set(hit.payloads.map((p) => p.key)).size;
    const share = 1 / Math.sqrt(skillsOfTerm);
    const modifier = !profile && modifiesMachine(folded, hit, hits[at + 1]);
    for (const { key, kind: written } of hit.payloads) {
      if (key === "") continue;
      const kind: TermKind = modifier && written === "name" ? "equipment" : written;
      let tally = tallies.get(key);
      if (!tally) {
        tally = { score: 0, named: false, first: hit.start, terms: new Set() };
        tallies.set(key, tally);
      }
      if (tally.terms.has(`${kind}:${hit.term}`)) continue;
      tally.terms.add(`${kind}:${hit.term}`);
      tally.score += KIND_WEIGHT[kind] * share;
      if (kind === "name") tally.named = true;
    }
  }
  return tallies;
}

/** The text with each unknown long Latin word replaced by the one taxonomy word it is a typo of, or null. */
function respelled(folded: string): string | null {
  const { latinWords } = taxonomy();
  let changed = false;
  const fixed = folded.replace(LATIN_WORD, (word) => {
    if (word.length < MIN_RESPELLED || latinWords.has(word)) return word;
    const near = onlyNearWord(word, latinWords, word.length >= 9 ? 2 : 1);
    if (near === null) return word;
    changed = true;
    return near;
  });
  return changed ? fixed : null;
}

/** The single word of `words` within `most` edits of `word`; null when none is, or several are. */
function onlyNearWord(word: string, words: ReadonlySet<string>, most: number): string | null {
  let found: string | null = null;
  for (const candidate of words) {
    if (Math.abs(candidate.length - word.length) > most) continue;
    if (editDistance(word, candidate, most) > most) continue;
    if (found !== null) return null;
    found = candidate;
  }
  return found;
}

/** Levenshtein distance, given up past `most` (returns most + 1 then). */
function editDistance(a: string, b: string, most: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      if (value < best) best = value;
    }
    if (best > most) return most + 1;
    previous = current;
  }
  return previous[b.length] ?? most + 1;
}

function fuzzyTallies(folded: string): Map<string, Tally> {
  const { bigrams, fuzzyNames } = taxonomy();
  const counts = new Map<number, number>();
  const pairs = new Set(cjkBigrams(folded));
  for (const pair of pairs) {
    for (const id of bigrams.get(pair) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const tallies = new Map<string, Tally>();
  for (const [id, count] of counts) {
    const name = fuzzyNames[id];
    // The head of a name says what it is about (船员 of 船员培训): a near spelling must keep it, so that
    // "技术员培训" is not crew training.
    if (!name || count < 2 || !pairs.has(name.head)) continue;
    const ratio = count / name.size;
    if (ratio < 0.6) continue;
    const score = 0.6 * ratio;
    const tally = tallies.get(name.key);
    if (!tally || tally.score < score) tallies.set(name.key, { score, named: false, first: 0, terms: new Set() });
  }
  return tallies;
}

/**
 * Skills in a text with confidences, best first. A named skill always counts; a skill only
 * hinted at (symptoms, equipment) counts when the hints add up or nothing was named.
 */
export function extractSkillScores(text: string, limit = 4, profile = false): SkillScore[] {
  const folded = foldText(text);
  const select = (tallies: Map<string, Tally>) => {
    const entries = [...tallies.entries()];
    const anyNamed = entries.some(([, t]) => t.named);
    const top = Math.max(0, ...entries.map(([, t]) => t.score));
    return entries.filter(([, t]) => (anyNamed ? t.named || t.score >= 1 : t.score >= 0.3 && t.score >= 0.6 * top));
  };
  let kept = select(tallyTerms(folded, profile));
  // Nothing named nor hinted strongly enough: try near spellings of the names (服装打样 ~ 服装打版), then
  // English typos of the taxonomy's words ("injecton moulding").
  if (kept.length === 0) kept = select(fuzzyTallies(folded));
  if (kept.length === 0) {
    const fixed = respelled(folded);
    if (fixed !== null) kept = select(tallyTerms(fixed, profile));
  }
  kept.sort(([, a], [, b]) => Number(b.named) - Number(a.named) || b.score - a.score || a.first - b.first);
  const out: SkillScore[] = [];
  for (const [key, tally] of kept.slice(0, limit)) {
    const skill = taxonomy().refs.get(key);
    if (skill) out.push({ skill, confidence: Math.min(1, tally.score), named: tally.named });
  }
  return out;
}

/**
 * Skills a request asks for, ranked by confidence. Named skills come in the order they are
 * written when equally sure, so "动车检修，另外接触网" keeps 动车组检修 first.
 */
export function extractSkills(text: string): SkillRef[] {
  const scores = extractSkillScores(text);
  const best = scores[0]?.confidence ?? 0;
  // Ties at full confidence keep text order; tallyTerms already recorded first positions.
  return scores.filter((s) => s.confidence >= 0.5 * best).map((s) => s.skill);
}

/**
 * The taxonomy skills of an expert from the roster's skill cells (exact names weigh 1) and,
 * optionally, other profile text such as achievements (weighs little).
 */
export function skillsOfProfile(rawSkills: readonly string[], extraText?: string): WeightedSkill[] {
  const weights = new Map<string, number>();
  const raise = (key: string, weight: number) => {
    if ((weights.get(key) ?? 0) < weight) weights.set(key, weight);
  };
  for (const raw of rawSkills) {
    const exact = taxonomy()
      .matcher.exact(raw)
      .filter((term) => term.kind === "name");
    if (exact.length > 0) {
      for (const term of exact) raise(term.key, 1);
      continue;
    }
    // A cell that writes a skill's name (船舶焊接 holds 焊接) holds it; hints in a cell are weaker.
    extractSkillScores(raw, 3, true).forEach((found, index) => {
      raise(found.skill.key, found.named ? found.confidence : (index === 0 ? 0.9 : 0.6) * found.confidence);
    });
  }
  if (extraText) {
    for (const found of extractSkillScores(extraText, 3, true)) raise(found.skill.key, 0.3 * found.confidence);
  }
  return [...weights.entries()].map(([key, weight]) => ({ key, weight })).sort((a, b) => b.weight - a.weight);
}

/** Chinese terms of the taxonomy, for the segmenter's custom dictionary. */
export function skillTerms(): string[] {
  const out = new Set<string>();
  for (const entry of taxonomy().skills.values()) {
    for (const term of [entry.zh, ...entry.synonyms, ...entry.keywords, ...entry.symptoms, ...entry.equipment]) {
      if (/[\u3400-\u9fff]/.test(term)) out.add(term);
    }
  }
  for (const team of taxonomy().teams.values()) out.add(team.zh);
  return [...out];
}
