// Honours as a small tie-breaker: national titles above provincial above city ones.

const NATIONAL = /全国|国家|大国工匠|中华技能大奖|national|china skills award/i;
const PROVINCIAL = /广东省|省级|南粤|provincial|guangdong/i;

/** 3 = national, 2 = provincial, 1 = city or other, 0 = none. */
export function honourLevel(honour: string): number {
  if (honour.trim() === "") return 0;
  if (NATIONAL.test(honour)) return 3;
  if (PROVINCIAL.test(honour)) return 2;
  return 1;
}

/** The highest honour of a list (first of equals), or null. */
export function bestHonour(honours: readonly string[]): { honour: string; level: number } | null {
  let best: { honour: string; level: number } | null = null;
  for (const honour of honours) {
    const level = honourLevel(honour);
    if (level > 0 && (!best || level > best.level)) best = { honour: honour.trim(), level };
  }
  return best;
}
