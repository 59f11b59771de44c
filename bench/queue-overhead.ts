// Queue overhead: our match + deliver jobs (ranking, candidates stored, the offer written to the outbox,
// delivered to a counting adapter) against raw BullMQ no-op jobs of the same shape — a first job that
// adds a second, with the same concurrency as our match and deliver workers — on the same Redis in the same run.
import { randomUUID } from "node:crypto";
import { Queue, Worker } from "bullmq";
import { hashTagged } from "../core/config.ts";
import { deliverConcurrency } from "../jobs/deliver.ts";
import { matchConcurrency, matchQueue } from "../jobs/match.ts";
import { redisOptions } from "../jobs/redis-connection.ts";
import { seedRequests, startBenchApp } from "./support/bench-app.ts";
import { jobErrors } from "./support/job-errors.ts";
import { against, type BenchLine, round, waitUntil } from "./support/lines.ts";
import type { BenchPostgres } from "./support/postgres.ts";
import { createWorkspace, deleteKeys, type Workspace } from "./support/workspace.ts";

export async function runQueueBench(options: {
  redisUrl: string;
  smoke: boolean;
  postgres?: BenchPostgres | undefined;
}): Promise<BenchLine[]> {
  const { smoke } = options;
  // A high monthly cap keeps every request's work the same (no expert skipped for load).
  const ws = createWorkspace(options.redisUrl, "queue", { MONTHLY_OFFER_CAP: "100000" });
  let ours: Pipeline;
  try {
    ours = await pipeline(ws, smoke);
  } finally {
    await ws.cleanup();
  }
  const rawCount = smoke ? 200 : 3000;
  const rawPrefix = hashTagged(`bench-raw-${randomUUID().slice(0, 8)}`);
  const raw = await rawPipeline(options.redisUrl, rawPrefix, rawCount).finally(() =>
    deleteKeys(options.redisUrl, rawPrefix),
  );
  const oursJobs = (2 * ours.delivered) / ours.seconds;
  const lines: BenchLine[] = [
    {
      name: "queue.pipeline",
      value: Math.round(oursJobs),
      unit: "jobs/s",
      requests_per_s: round(ours.delivered / ours.seconds, 1),
      ...pipelineContext(ours, smoke),
      ...against("queue.raw_bullmq", raw, oursJobs),
      target: ">= 0.5 of raw",
      meets: oursJobs / raw >= 0.5,
    },
    {
      name: "queue.raw_bullmq",
      value: Math.round(raw),
      unit: "jobs/s",
      jobs: 2 * rawCount,
      shape: `no-op job adding a no-op job; concurrency ${matchConcurrency} then ${deliverConcurrency}, as match then deliver`,
    },
  ];
  if (options.postgres) lines.push(await postgresPipeline(options.redisUrl, options.postgres, smoke, ours));
  return lines;
}

interface Pipeline {
  seconds: number;
  delivered: number;
  cpuMs: number;
  offered: number;
  errors: Awaited<ReturnType<typeof jobErrors>>;
}

/** Requests matched, offered and delivered per second by one process's workers, after a warm-up. */
async function pipeline(ws: Workspace, smoke: boolean): Promise<Pipeline> {
  const { app, adapter } = await startBenchApp(ws, smoke ? 200 : 1000);
  try {
    const warm = smoke ? 5 : 40;
    const count = smoke ? 10 : 600;
    const ids = await seedRequests(app.services.db, warm + count);
    const run = async (slice: number[]) => {
      const before = adapter.sent.length;
      const started = performance.now();
      for (const id of slice) await app.jobs.add(matchQueue, { requestId: id }, { jobId: `match-${id}-bench` });
      // Bounded: jobs that keep failing leave the count short, and the line says so.
      await waitUntil(() => adapter.sent.length - before >= slice.length, smoke ? 20_000 : 60_000);
      return { seconds: (performance.now() - started) / 1000, delivered: adapter.sent.length - before };
    };
    await run(ids.slice(0, warm)); // builds the ranker's index
    const cpuBefore = process.cpuUsage();
    const { seconds, delivered } = await run(ids.slice(warm));
    const cpu = process.cpuUsage(cpuBefore);
    const errors = await jobErrors(ws.redisUrl, ws.prefix);
    const offered = await app.services.db.match.count({ where: { status: "offered" } });
    return { seconds, delivered, cpuMs: (cpu.user + cpu.system) / 1000, offered, errors };
  } finally {
    await app.jobs.obliterate();
    await app.stop();
  }
}

function pipelineContext(run: Pipeline, smoke: boolean): Record<string, unknown> {
  return {
    // CPU time of this process (the workers) per request: what the jobs cost, whatever else runs.
    cpu_ms_per_request: round(run.cpuMs / Math.max(1, run.delivered), 2),
    delivered: run.delivered,
    failed_jobs: run.errors.failed,
    retried_jobs: run.errors.retried,
    errors: run.errors.errors,
    requests: smoke ? 10 : 600,
    experts: smoke ? 200 : 1000,
    offers_made: run.offered,
  };
}

/** The same pipeline on a fresh PostgreSQL database, in requests/s against SQLite's in this run. */
async function postgresPipeline(
  redisUrl: string,
  postgres: BenchPostgres,
  smoke: boolean,
  sqlite: Pipeline,
): Promise<BenchLine> {
  const database = await postgres.freshDatabase("pipeline");
  const ws = createWorkspace(redisUrl, "queue-postgres", { MONTHLY_OFFER_CAP: "100000", DATABASE_URL: database.url });
  try {
    const run = await pipeline(ws, smoke);
    const rate = run.delivered / run.seconds;
    const sqliteRate = sqlite.delivered / sqlite.seconds;
    return {
      name: "queue.postgres.pipeline",
      value: round(rate, 1),
      unit: "requests/s",
      ...pipelineContext(run, smoke),
      ...against("queue.pipeline (SQLite, requests/s)", sqliteRate, rate),
      target: ">= 0.7 of SQLite",
      meets: rate / sqliteRate >= 0.7,
    };
  } finally {
    await ws.cleanup();
    await database.drop();
  }
}

/** Jobs/s of `count` no-op first jobs each adding a no-op second job, with our queues' concurrency. */
async function rawPipeline(redisUrl: string, prefix: string, count: number): Promise<number> {
  const connection = redisOptions(redisUrl);
  const first = new Queue("raw-first", { connection, prefix });
  const second = new Queue("raw-second", { connection, prefix });
  let done = 0;
  const workers = [
    new Worker(
      "raw-first",
      async (job) => {
        await second.add("raw-second", { n: job.data.n }, { removeOnComplete: { count: 5000 } });
      },
      { connection, prefix, concurrency: matchConcurrency },
    ),
    new Worker(
      "raw-second",
      async () => {
        done++;
      },
      { connection, prefix, concurrency: deliverConcurrency },
    ),
  ];
  try {
    const started = performance.now();
    for (let n = 0; n < count; n++) await first.add("raw-first", { n }, { removeOnComplete: { count: 5000 } });
    await waitUntil(() => done >= count, 120_000);
    const seconds = (performance.now() - started) / 1000;
    if (done < count) throw new Error(`raw BullMQ: ${done} of ${count} jobs done`);
    return (2 * count) / seconds;
  } finally {
    await Promise.all(workers.map((worker) => worker.close()));
    await first.obliterate({ force: true });
    await second.obliterate({ force: true });
    await first.close();
    await second.close();
  }
}
