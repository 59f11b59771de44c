// Memory and start-up, each measured in a child process of its own.
// Memory: peak RSS of a process holding N experts in the ExpertIndex — built from profiles in memory,
// and loaded from a SQLite roster as the match worker does — beside the same process holding none.
// Start-up: from spawning `npm start`'s app to ready (first start on an empty database with the demo
// roster, and a restart), beside spawning the bare runtime (node + tsx).
import { randomUUID } from "node:crypto";
import path from "node:path";
import { hashTagged } from "../core/config.ts";
import { openDatabase } from "../prisma/client.ts";
import { runChild } from "./support/child.ts";
import { against, type BenchLine, round, target } from "./support/lines.ts";
import { random, seedExperts, syntheticExperts } from "./support/synthetic.ts";
import { createWorkspace, deleteKeys } from "./support/workspace.ts";

interface Held {
  experts: number;
  load_ms: number;
  peak_rss_mb: number;
  rss_mb: number;
  heap_used_mb: number;
}

export async function runMemoryBench(options: { redisUrl: string; smoke: boolean }): Promise<BenchLine[]> {
  const count = options.smoke ? 2000 : 100_000;
  const hold = async (args: string[]) => (await runChild<Held>("hold-experts.ts", args, ["--expose-gc"])).result;
  const baseline = await hold(["baseline"]);
  const synthetic = await hold(["synthetic", String(count)]);

  const ws = createWorkspace(options.redisUrl, "memory");
  let fromDb: Held;
  try {
    const db = await openDatabase(ws.databaseUrl);
    await seedExperts(db, syntheticExperts(count, random(count)));
    await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    await db.$disconnect();
    fromDb = await hold(["database", ws.databaseUrl]);
  } finally {
    await ws.cleanup();
  }
  const lines: BenchLine[] = [
    {
      name: "memory.index_peak_rss",
      value: synthetic.peak_rss_mb,
      unit: "MB",
      experts: synthetic.experts,
      build_ms: synthetic.load_ms,
      heap_used_mb: synthetic.heap_used_mb,
      ...against("memory.baseline_peak_rss", baseline.peak_rss_mb, synthetic.peak_rss_mb),
      ...target(synthetic.peak_rss_mb, { max: 400 }),
    },
    {
      name: "memory.worker_peak_rss",
      value: fromDb.peak_rss_mb,
      unit: "MB",
      experts: fromDb.experts,
      load_ms: fromDb.load_ms,
      heap_used_mb: fromDb.heap_used_mb,
      source: "SQLite in pages (expertProfilePages), as the match worker's ranker builds its index",
      ...against("memory.baseline_peak_rss", baseline.peak_rss_mb, fromDb.peak_rss_mb),
      ...target(fromDb.peak_rss_mb, { max: 400 }),
    },
    { name: "memory.baseline_peak_rss", value: baseline.peak_rss_mb, unit: "MB", experts: 0 },
  ];
  return [...lines, ...(await startupLines(options.redisUrl))];
}

interface Ready {
  ready_ms: number;
  imports_ms?: number;
  start_app_ms?: number;
  experts?: number;
}

async function startupLines(redisUrl: string): Promise<BenchLine[]> {
  const runtime = await runChild<Ready>("noop.ts", []);
  const ws = createWorkspace(redisUrl, "startup");
  const prefix = hashTagged(`bench-startup-${randomUUID().slice(0, 8)}`);
  const args = [`file:${path.join(ws.dir, "startup.db")}`, redisUrl, prefix];
  try {
    const first = await runChild<Ready>("start-app.ts", args);
    const again = await runChild<Ready>("start-app.ts", args);
    const line = (name: string, run: typeof first, what: string): BenchLine => ({
      name,
      value: round(run.wallMs),
      unit: "ms",
      what,
      imports_ms: run.result.imports_ms,
      start_app_ms: run.result.start_app_ms,
      experts: run.result.experts,
      ...against("startup.runtime", runtime.wallMs, run.wallMs),
      ...target(run.wallMs, { max: 3000 }),
    });
    return [
      line("startup.first_start", first, "empty database: migrations, demo roster, queues, workers"),
      line("startup.restart", again, "existing database: queues, workers, due work re-enqueued"),
      { name: "startup.runtime", value: round(runtime.wallMs), unit: "ms", what: "node + tsx, an empty script" },
    ];
  } finally {
    await deleteKeys(redisUrl, prefix);
    await ws.cleanup();
  }
}
