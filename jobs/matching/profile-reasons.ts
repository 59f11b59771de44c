// Reasons in the expert's own words: the skill cells and the achievement (主要业绩) that share the request's
// words or hold its taxonomy skill. A person believes "主要业绩：专攻塑胶模具开发" more than a label.
import { skillByKey, skillsOfProfile } from "../../core/understanding/skills.ts";
import type { IndexedExpert } from "./expert-index.ts";
import { profileTerms } from "./profile-terms.ts";
import type { MatchReason } from "./types.ts";

const MAX_SKILL_CELLS = 2;
const MAX_EXCERPT = 60;
const CLAUSE = /[；;。！!？?\n]+/;

/** How many of the request's terms a piece of profile text holds (a word of 3+ characters counts double). */
function shared(text: string, terms: ReadonlySet<string>): number {
  let count = 0;
  for (const term of new Set(profileTerms(text))) if (terms.has(term)) count += term.length >= 3 ? 2 : 1;
  return count;
}

function excerpt(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > MAX_EXCERPT ? `${trimmed.slice(0, MAX_EXCERPT - 1)}…` : trimmed;
}

/**
 * Reasons of fit for one expert: `terms` are the request's terms found in the roster, `skills` the requested
 * taxonomy keys the expert holds.
 */
export function profileReasons(
  expert: IndexedExpert,
  terms: ReadonlySet<string>,
  heldSkills: readonly string[],
): MatchReason[] {
  const reasons: MatchReason[] = [];
  const cells = expert.skills
    .map((cell, order) => {
      const keys = heldSkills.length > 0 ? skillsOfProfile([cell]).filter((s) => s.weight >= 0.5) : [];
      const holds = keys.find((s) => heldSkills.includes(s.key));
      return { cell: cell.trim(), order, words: shared(cell, terms), holds: holds?.key ?? null };
    })
    .filter((c) => c.cell !== "" && (c.words > 0 || c.holds !== null))
    .sort((a, b) => Number(b.holds !== null) - Number(a.holds !== null) || b.words - a.words || a.order - b.order);
  for (const { cell, holds } of cells.slice(0, MAX_SKILL_CELLS)) {
    const skill = holds ? skillByKey(holds) : undefined;
    // A cell that is the taxonomy's own name reads better in English as the taxonomy's English label.
    const en = skill && skill.zh === cell ? skill.en : cell;
    reasons.push({ key: "skill", params: { skill: cell, skillEn: en } });
  }
  let best = { clause: "", words: 0 };
  for (const clause of expert.achievements.split(CLAUSE)) {
    const words = shared(clause, terms);
    if (words > best.words) best = { clause, words };
  }
  if (best.words >= 2) reasons.push({ key: "achievement", params: { text: excerpt(best.clause) } });
  if (reasons.length === 0 && expert.title.trim() !== "" && shared(expert.title, terms) >= 2) {
    reasons.push({ key: "title", params: { title: excerpt(expert.title) } });
  }
  return reasons;
}

/** Reasons without repeats (the same key and parameters), in their order. */
export function distinctReasons(reasons: readonly MatchReason[]): MatchReason[] {
  const seen = new Set<string>();
  return reasons.filter((reason) => {
    const id = `${reason.key}:${JSON.stringify(reason.params)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
