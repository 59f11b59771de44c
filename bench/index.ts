// `npm run bench`: every benchmark, one JSON object per line (contract 4 in DESIGN.md).
// `--smoke` runs tiny sizes, only to prove the benchmarks still work (CI).
import { runRankingBench } from "./ranking.ts";
import { runUnderstandingBench } from "./understanding.ts";

const smoke = process.argv.includes("--smoke");

function print(line: object): void {
  process.stdout.write(`${JSON.stringify({ ...line, smoke })}\n`);
}

for (const line of await runUnderstandingBench({ smoke })) print(line);
for (const line of await runRankingBench(smoke ? [200, 1000] : [1000, 10_000, 100_000])) print(line);
