// The problems a request states. "注塑件缩水。另外空压机漏气" is two unrelated problems, which the handler turns into
// two requests or asks about; "PLC报警，机器人也停了" about one line stays one. Parts about the same skills, or
// with no skill of their own, belong to the problem before them.

import { SERVICE, SYMPTOM } from "./intent.ts";
import { extractSkills } from "./skills.ts";
import type { ParsedProblem, SkillRef } from "./types.ts";

// Sentence ends, and words or numbers that start another point.
const BREAK =
  /[。；;！!？?\n]+|(?:另外|此外|还有(?:一个|个)?|另一个|另一件事|其次|第[二三四五]|二是|三是|顺便(?:问一下|说一下)?|\balso\b|\bsecondly\b|\banother\s+(?:problem|issue|thing)\b)[，,:：\s]*|(?:^|[\s:：])(?:[1-9][.、)）]|[①②③④⑤])\s*/gi;
const MAX_PROBLEMS = 5;

// "想请专家联合攻关：…，另外…": the enterprise wants the problems tackled together, by a team (联合攻关).
const JOINT_WORK =
  /联合攻关|联合会诊|联手|一起(?:来|攻关|解决|看看)|共同(?:攻关|解决)|组(?:个|一个)?(?:队|团队)|[两几多][位名个]专家|\bjoint(?:ly)?\b|\btogether\b|\bteam\s+of\b/i;

/** True when the text asks for experts to work on its problems together, rather than one request each. */
export function asksForJointWork(text: string): boolean {
  return JOINT_WORK.test(text);
}

function parts(text: string): string[] {
  return text
    .split(BREAK)
    .map((p) => p.trim().replace(/^[,，、:：\s]+|[,，、:：\s]+$/g, ""))
    .filter((p) => p.length > 0);
}

function overlaps(a: SkillRef[], b: SkillRef[]): boolean {
  const keys = new Set(a.map((s) => s.key));
  return b.some((s) => keys.has(s.key));
}

/**
 * The problems of a request in order, each with its own skills; empty when no problem is stated. `wholeSkills`
 * are the skills of the whole text, reused when it is a single part.
 */
export function extractProblems(text: string, wholeSkills?: SkillRef[]): ParsedProblem[] {
  const out: ParsedProblem[] = [];
  const all = parts(text);
  for (const part of all) {
    const skills = all.length === 1 && wholeSkills ? wholeSkills : extractSkills(part);
    const stated = SYMPTOM.test(part) || SERVICE.test(part);
    const last = out[out.length - 1];
    if (!stated && skills.length === 0) continue;
    if (last && (skills.length === 0 || overlaps(last.skills, skills) || last.skills.length === 0)) {
      last.text = `${last.text}，${part}`;
      for (const s of skills) if (!last.skills.some((k) => k.key === s.key)) last.skills.push(s);
      continue;
    }
    if (!stated && out.length > 0) continue;
    if (out.length >= MAX_PROBLEMS) break;
    out.push({ text: part, skills: [...skills] });
  }
  return out;
}
