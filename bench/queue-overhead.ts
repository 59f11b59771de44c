// Queue overhead: our match + deliver jobs (ranking, candidates stored, the offer written to the outbox,
// delivered to a counting adapter) against raw BullMQ no-op jobs of the same shape — a first job that
// adds a second, with the same concurrency as our match and deliver workers — on the same Redis in the same run.
import { Queue, Worker } from "bullmq";
import { deliverConcurrency } from "../jobs/deliver.ts";
import { matchConcurrency, matchQueue } from "../jobs/match.ts";
import { redisOptions } from "../jobs/redis-connection.ts";
import { seedRequests, startBenchApp } from "./support/bench-app.ts";
import { jobErrors } from "./support/job-errors.ts";
import { against, type BenchLine, round, waitUntil } from "./support/lines.ts";
import { createWorkspace } from "./support/workspace.ts";

export async function runQueueBench(options: { redisUrl: string; smoke: boolean }): Promise<BenchLine[]> {
  const { smoke } = options;
  // A high monthly cap keeps every request's work the same (no expert skipped for load).
  const ws = createWorkspace(options.redisUrl, "queue", { MONTHLY_OFFER_CAP: "100000" });
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
    const oursJobs = (2 * delivered) / seconds;

    const rawCount = smoke ? 200 : 3000;
    const raw = await rawPipeline(ws.redisUrl, ws.prefix, rawCount);
    const context = { requests: count, experts: smoke ? 200 : 1000, offers_made: offered };
    return [
      {
        name: "queue.pipeline",
        value: Math.round(oursJobs),
        unit: "jobs/s",
        requests_per_s: round(delivered / seconds, 1),
        // CPU time of this process (the workers) per request: what the jobs cost, whatever else runs.
        cpu_ms_per_request: round((cpu.user + cpu.system) / 1000 / Math.max(1, delivered), 2),
        delivered,
        failed_jobs: errors.failed,
        retried_jobs: errors.retried,
        errors: errors.errors,
        ...context,
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
  } finally {
    await app.jobs.obliterate();
    await app.stop();
    await ws.cleanup();
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
