// `npm run eval [-- DIR]`: batch-matches the eval set (default: shared/data/eval-dev beside the checkout) exactly as
// `craftbridge match` does and prints two JSON lines: our score and the BM25 baseline of its score.py.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { translator } from "../../core/i18n.ts";
import { runBatchMatch } from "./batch-match.ts";
import { type Judgment, scoreRankings } from "./eval-score.ts";

/** The development eval set: in `shared/` beside the checkout, as the project's machines and CI place it. */
export function evalDevDir(): string {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
  const candidates = [path.join(root, "..", "shared", "data", "eval-dev"), "/work/shared/data/eval-dev"];
  const found = candidates.find((dir) => existsSync(path.join(dir, "judgments.jsonl")));
  if (!found) throw new Error(`The eval set is not at ${candidates.join(" or ")}: pass its folder as an argument.`);
  return found;
}

export async function evaluate(dir: string, now = new Date()) {
  const result = await runBatchMatch({
    experts: path.join(dir, "experts.csv"),
    requests: path.join(dir, "requests.jsonl"),
    top: 10,
    now,
    t: translator("zh-CN"),
  });
  const judgments = (await readFile(path.join(dir, "judgments.jsonl"), "utf8"))
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Judgment);
  const rankings = new Map(result.lines.map((line) => [line.id, line.experts.map((e) => e.id)]));
  return { score: scoreRankings(judgments, rankings), lines: result.lines };
}

// Runs the set's own score.py on our rankings and for its BM25 baseline, so the figures are the official ones.
async function main(): Promise<void> {
  const dir = process.argv[2] ?? evalDevDir();
  const { score, lines } = await evaluate(dir);
  const work = await mkdtemp(path.join(tmpdir(), "craftbridge-eval-"));
  try {
    const rankingsFile = path.join(work, "rankings.jsonl");
    await writeFile(rankingsFile, lines.map((line) => JSON.stringify(line)).join("\n"));
    const scorer = path.join(dir, "score.py");
    const judgments = path.join(dir, "judgments.jsonl");
    const run = (args: string[]) =>
      JSON.parse(execFileSync("python3", [scorer, judgments, ...args], { encoding: "utf8" }));
    let ours: unknown = score;
    let bm25: unknown = null;
    try {
      ours = run([rankingsFile]);
      bm25 = run(["--bm25", path.join(dir, "experts.csv"), path.join(dir, "requests.jsonl")]);
    } catch {
      // Without Python the TypeScript port of the measures still reports ours.
    }
    process.stdout.write(`${JSON.stringify({ name: "craftbridge", ...(ours as object) })}\n`);
    if (bm25) process.stdout.write(`${JSON.stringify({ name: "bm25_baseline", ...(bm25 as object) })}\n`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
