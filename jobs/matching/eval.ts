// `npm run eval [-- EVAL_DIR [REAL_DIR]]`: batch-matches the synthetic eval set and the real slice (real
// problems against the synthetic roster plus the real profiles) exactly as `craftbridge match` does, and
// measures a BM25 over the whole profile on the same roster in the same run. Prints two Markdown tables.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { translator } from "../../core/i18n.ts";
import { runBatchMatch } from "./batch-match.ts";
import { bm25Rankings, rosterTexts } from "./bm25-baseline.ts";
import { type EvalScore, type Judgment, scoreRankings } from "./eval-score.ts";

const TOP = 10;

/** A data set in `shared/data/` beside the checkout, as the project's machines and CI place it. */
function sharedDir(name: string, marker: string): string {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
  const candidates = [path.join(root, "..", "shared", "data", name), `/work/shared/data/${name}`];
  const found = candidates.find((dir) => existsSync(path.join(dir, marker)));
  if (!found) throw new Error(`The ${name} set is not at ${candidates.join(" or ")}: pass its folder as an argument.`);
  return found;
}

export const evalDevDir = (): string => sharedDir("eval-dev", "judgments.jsonl");
export const realDevDir = (): string => sharedDir("real-dev", "known.jsonl");

async function jsonLines<T>(file: string): Promise<T[]> {
  return (await readFile(file, "utf8"))
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}

export async function evaluate(dir: string, now = new Date()) {
  const result = await runBatchMatch({
    experts: path.join(dir, "experts.csv"),
    requests: path.join(dir, "requests.jsonl"),
    top: TOP,
    now,
    t: translator("zh-CN"),
  });
  const judgments = await jsonLines<Judgment>(path.join(dir, "judgments.jsonl"));
  const rankings = new Map(result.lines.map((line) => [line.id, line.experts.map((e) => e.id)]));
  return { score: scoreRankings(judgments, rankings), lines: result.lines };
}

/** The synthetic set's BM25 baseline, on the same roster and requests. */
export async function evaluateBm25(dir: string): Promise<EvalScore> {
  const rows = await rosterTexts(path.join(dir, "experts.csv"));
  const requests = await jsonLines<{ id: string; text: string }>(path.join(dir, "requests.jsonl"));
  const ranked = bm25Rankings(
    rows,
    requests.map((r) => r.text),
    TOP,
  );
  const judgments = await jsonLines<Judgment>(path.join(dir, "judgments.jsonl"));
  return scoreRankings(judgments, new Map(requests.map((r, i) => [r.id, ranked[i] ?? []])));
}

export interface RealScore {
  /** Problems whose solver is known and in the roster. */
  known: number;
  /** The solver among the first five. */
  solverTop5: number;
  /** The solver offered first. */
  solverFirst: number;
  /** Problems handed to staff because nobody cleared the floor. */
  handedOff: number;
  problems: number;
}

function realScore(
  problems: readonly { id: string }[],
  solvers: ReadonlyMap<string, string>,
  rankings: ReadonlyMap<string, readonly string[]>,
): RealScore {
  let solverTop5 = 0;
  let solverFirst = 0;
  let handedOff = 0;
  for (const problem of problems) {
    const ranked = rankings.get(problem.id) ?? [];
    if (ranked.length === 0) handedOff++;
    const solver = solvers.get(problem.id);
    if (!solver) continue;
    if (ranked.slice(0, 5).includes(solver)) solverTop5++;
    if (ranked[0] === solver) solverFirst++;
  }
  return { known: solvers.size, solverTop5, solverFirst, handedOff, problems: problems.length };
}

/** Real problems against the synthetic roster plus the real profiles, ours and BM25's. */
export async function evaluateReal(realDir: string, evalDir: string, now = new Date()) {
  const rosters = [path.join(evalDir, "experts.csv"), path.join(realDir, "experts.csv")];
  const requests = path.join(realDir, "problems.jsonl");
  const result = await runBatchMatch({ experts: rosters, requests, top: TOP, now, t: translator("zh-CN") });
  const problems = await jsonLines<{ id: string; text: string }>(requests);
  const solvers = new Map(
    (await jsonLines<{ id: string; expert: string }>(path.join(realDir, "known.jsonl"))).map((k) => [k.id, k.expert]),
  );
  const ours = new Map(result.lines.map((line) => [line.id, line.experts.map((e) => e.id)]));
  const rows = (await Promise.all(rosters.map((file) => rosterTexts(file)))).flat();
  const ranked = bm25Rankings(
    rows,
    problems.map((p) => p.text),
    TOP,
  );
  const bm25 = new Map(problems.map((p, i) => [p.id, ranked[i] ?? []]));
  return { ours: realScore(problems, solvers, ours), bm25: realScore(problems, solvers, bm25), lines: result.lines };
}

const fixed = (value: number) => value.toFixed(3);

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((arg) => arg !== "--verbose");
  const verbose = process.argv.includes("--verbose");
  const evalDir = args[0] ?? evalDevDir();
  const realDir = args[1] ?? realDevDir();
  const ours = (await evaluate(evalDir)).score;
  const bm25 = await evaluateBm25(evalDir);
  const real = await evaluateReal(realDir, evalDir);
  const out = [
    `eval-dev (${ours.n} synthetic requests, ${path.basename(evalDir)})`,
    "",
    "| matcher | nDCG@5 | P@1 | grade-3 recall@5 |",
    "|---|---|---|---|",
    ...[
      ["craftbridge", ours],
      ["BM25 whole profile", bm25],
    ].map(([name, s]) => {
      const score = s as EvalScore;
      return `| ${name} | ${fixed(score.ndcg5)} | ${fixed(score.p1)} | ${fixed(score.recall5_grade3)} |`;
    }),
    "",
    `real-dev (${real.ours.problems} real problems, ${real.ours.known} with a known solver; roster: synthetic + real profiles)`,
    "",
    "| matcher | solver in top 5 | solver first | handed to staff |",
    "|---|---|---|---|",
    ...[
      ["craftbridge", real.ours],
      ["BM25 whole profile", real.bm25],
    ].map(([name, s]) => {
      const score = s as RealScore;
      return `| ${name} | ${score.solverTop5}/${score.known} | ${score.solverFirst}/${score.known} | ${score.handedOff}/${score.problems} |`;
    }),
  ];
  process.stdout.write(`${out.join("\n")}\n`);
  if (verbose) {
    for (const line of real.lines) {
      process.stdout.write(
        `${line.id} ${line.experts
          .map((e) => `${e.id}(${e.score}) ${e.reasons.join("/")}`)
          .slice(0, 3)
          .join(" | ")}\n`,
      );
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
