// PLACEHOLDER — digest bench (issue 8, item 6), not measured yet. The digest module (jobs/digest) was
// being written while this suite was built. When it settles, measure here, on a workspace of its own:
// composeDigest / digestFigures for every staff member over 30 days of 100,000 requests (target < 1 s)
// and renderWeekChart (the chart image), each beside a plain SQL count over the same rows as reference.
import type { BenchLine } from "./support/lines.ts";

export async function runDigestBench(_options: { redisUrl: string; smoke: boolean }): Promise<BenchLine[]> {
  return [];
}
