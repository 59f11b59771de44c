// Urgent when the sender says so or the line is down; "normal" only when they say it is not urgent.

import type { Urgency } from "./types.ts";

const NOT_URGENT = /不急|不着急|不用急|不赶|不是很急|慢慢来|\bnot\s+urgent\b|\bno\s+rush\b|\bno\s+hurry\b/i;
const URGENT =
  /急|尽快|加急|十万火急|火烧眉毛|越快越好|马上|立刻|立即|赶紧|停产|停线|停机|停工|停摆|\basap\b|\burgent(?:ly)?\b|\bemergency\b|\bimmediately\b|\bright\s+away\b|\bas\s+soon\s+as\s+possible\b|\b(?:line|production)\s+(?:is\s+)?(?:down|stopped|halted)\b/i;

export function detectUrgency(text: string): Urgency | null {
  if (NOT_URGENT.test(text)) return "normal";
  if (URGENT.test(text)) return "urgent";
  return null;
}
