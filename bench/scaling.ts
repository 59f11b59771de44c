// Scaling: the same batch of help requests matched, offered and delivered by 1, 2 and 4 worker
// processes (the real job system in child processes) sharing one Redis queue prefix and one SQLite
// file. Each round starts from a copy of the same seeded database, on a queue prefix of its own.
import { copyFileSync } from "node:fs";
import path from "node:path";
import { createLog } from "../core/log.ts";
import { JobSystem } from "../jobs/job-system.ts";
import { matchQueue } from "../jobs/match.ts";
import { closeDatabase, databaseToken, openDatabase } from "../prisma/client.ts";
import { seedRequests, settleRoster } from "./support/bench-app.ts";
import { forkChild } from "./support/child.ts";
import { jobErrors } from "./support/job-errors.ts";
import { against, type BenchLine, round, waitUntil } from "./support/lines.ts";
import type { BenchPostgres } from "./support/postgres.ts";
import { random, seedExperts, syntheticExperts } from "./support/synthetic.ts";
import { createWorkspace } from "./support/workspace.ts";

export async function runScalingBench(options: {
  redisUrl: string;
  smoke: boolean;
  postgres?: BenchPostgres | undefined;
}): Promise<BenchLine[]> {
  const lines = await sqliteScaling(options.redisUrl, options.smoke);
  if (options.postgres) lines.push(...(await postgresScaling(options.redisUrl, options.postgres, options.smoke)));
  return lines;
}

async function sqliteScaling(redisUrl: string, smoke: boolean): Promise<BenchLine[]> {
  const requests = smoke ? 16 : 80;
  const experts = smoke ? 200 : 1000;
  const template = createWorkspace(redisUrl, "scaling-seed");
  try {
    const db = await openDatabase(template.databaseUrl);
    await seedExperts(db, syntheticExperts(experts, random(experts)));
    const ids = await seedRequests(db, requests);
    const namespace = `${await databaseToken(db)}-`;
    await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    await db.$disconnect();
    await settleRoster();

    const results: (Round & { workers: number })[] = [];
    for (const workers of smoke ? [1, 2] : [1, 2, 4]) {
      const ws = createWorkspace(redisUrl, `scaling-${workers}`);
      copyFileSync(template.databaseUrl.slice("file:".length), path.join(ws.dir, "bench.db"));
      try {
        results.push({ workers, ...(await round1(ws, workers, ids, namespace, smoke ? 8000 : 45_000)) });
      } finally {
        await ws.cleanup();
      }
    }
    return scalingLines("scaling", results, requests, experts);
  } finally {
    await template.cleanup();
  }
}

/**
 * The same rounds on PostgreSQL, where several processes write at once: each round on a fresh database
 * seeded with the same synthetic roster and requests, and the targets of issue 16 beside the figures.
 */
async function postgresScaling(redisUrl: string, postgres: BenchPostgres, smoke: boolean): Promise<BenchLine[]> {
  const requests = smoke ? 16 : 80;
  const experts = smoke ? 200 : 1000;
  const results: (Round & { workers: number })[] = [];
  for (const workers of smoke ? [1, 2] : [1, 2, 4]) {
    const database = await postgres.freshDatabase(`scaling${workers}`);
    const ws = createWorkspace(redisUrl, `scaling-postgres-${workers}`, { DATABASE_URL: database.url });
    try {
      const db = await openDatabase(ws.databaseUrl);
      await seedExperts(db, syntheticExperts(experts, random(experts)));
      const ids = await seedRequests(db, requests);
      const namespace = `${await databaseToken(db)}-`;
      await closeDatabase(db);
      await settleRoster();
      results.push({ workers, ...(await round1(ws, workers, ids, namespace, smoke ? 8000 : 45_000)) });
    } finally {
      await ws.cleanup();
      await database.drop();
    }
  }
  return scalingLines("scaling.postgres", results, requests, experts);
}

function scalingLines(
  prefix: string,
  results: (Round & { workers: number })[],
  requests: number,
  experts: number,
): BenchLine[] {
  const one = results[0]?.rate ?? Number.NaN;
  return results.map((r) => ({
    name: `${prefix}.workers_${r.workers}`,
    value: round(r.rate, 1),
    unit: "requests/s",
    workers: r.workers,
    jobs_per_request: 2,
    requests,
    experts,
    delivered: r.delivered,
    seconds: round(r.seconds, 2),
    failed_jobs: r.failed,
    retried_jobs: r.retried,
    errors: r.errors,
    ...against(`${prefix}.workers_1`, one, r.rate),
  }));
}

interface Round {
  rate: number;
  delivered: number;
  seconds: number;
  failed: number;
  retried: number;
  errors: Record<string, number>;
}

async function round1(
  ws: ReturnType<typeof createWorkspace>,
  workers: number,
  ids: number[],
  namespace: string,
  timeoutMs: number,
): Promise<Round> {
  let sent = 0;
  let ready = 0;
  const children = Array.from({ length: workers }, () => {
    const child = forkChild("job-worker.ts", [ws.databaseUrl, ws.redisUrl, ws.prefix, namespace]);
    child.on("message", (message: { sent?: number; ready?: boolean }) => {
      if (message.ready) ready++;
      if (message.sent) sent += message.sent;
    });
    return child;
  });
  const jobs = new JobSystem(ws.redisUrl, ws.prefix, createLog("silent"), namespace);
  try {
    if (!(await waitUntil(() => ready === workers, 180_000))) throw new Error("scaling: workers did not start");
    const started = performance.now();
    for (const id of ids) await jobs.add(matchQueue, { requestId: id }, { jobId: `match-${id}-scaling` });
    // Bounded: a round that cannot finish reports what it did and why jobs failed or were retried.
    await waitUntil(() => sent >= ids.length, timeoutMs, 20);
    const seconds = (performance.now() - started) / 1000;
    return { rate: sent / seconds, delivered: sent, seconds, ...(await jobErrors(ws.redisUrl, ws.prefix)) };
  } finally {
    for (const child of children) child.send({ stop: true });
    await Promise.all(
      children.map(
        (child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve))),
      ),
    );
    await jobs.close();
  }
}
