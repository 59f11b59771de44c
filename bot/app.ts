// Starts everything one process needs: database, Redis, queues and workers, adapters.

import type { Config } from "../core/config.ts";
import type { Log } from "../core/log.ts";
import type { Adapter } from "../core/messages.ts";
import { type JobRuntime, JobSystem } from "../jobs/job-system.ts";
import { createOutbox, type Send } from "../jobs/outbox.ts";
import { resumeDueWork, startWorkers, typedEnqueue } from "../jobs/registry.ts";
import type { Services } from "../jobs/services.ts";
import { closeDatabase, type Db, databaseToken, openDatabase } from "../prisma/client.ts";
import { applyConfiguredRoles } from "../prisma/configured-roles.ts";
import { ensureServiceTeams } from "../prisma/roster/import-roster.ts";
import { seedDemoData } from "../prisma/seed/seed-demo.ts";
import { createDispatcher, type Dispatch } from "./dispatcher.ts";
import { Health } from "./health.ts";
import { type HealthServer, serveHealth } from "./health-server.ts";
import { ensureRedis, type RedisEndpoint } from "./redis.ts";

export interface App {
  services: Services;
  dispatch: Dispatch;
  jobs: JobSystem;
  redis: RedisEndpoint;
  /** /healthz and /readyz: answered on the Lark webhook's port and on HEALTH_PORT. */
  health: Health;
  /** Resolves when no queue has work left. */
  waitUntilIdle(timeoutMs?: number): Promise<boolean>;
  stop(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  log: Log;
  /** Adapters this process owns; their deliver queues run here. */
  adapters: Adapter[];
  /** Folder for a private Redis, next to the database by default. */
  dataDir?: string;
  /** Start the adapters (tests may drive the dispatcher directly). */
  startAdapters?: boolean;
  /** Wraps the outbound path; fault tests use it to stop a process in the middle of a job. */
  wrapSend?: (send: Send) => Send;
}

async function prepareDatabase(config: Config, log: Log): Promise<Db> {
  const db = await openDatabase(config.DATABASE_URL);
  await ensureServiceTeams(db);
  const givenBack = await applyConfiguredRoles(db, config);
  if (givenBack) log.info({ people: givenBack }, "Roles no longer set in ADMINS or STAFF given back");
  if (config.DEMO_DATA) {
    const demo = await seedDemoData(db);
    if (demo.seeded) log.info({ experts: demo.experts }, "Loaded the demo roster into an empty database");
  }
  return db;
}

export async function startApp(options: StartOptions): Promise<App> {
  const { config, log, adapters } = options;
  // The database and Redis do not need each other until the queues start: both get ready at once.
  const [database, endpoint] = await Promise.allSettled([
    prepareDatabase(config, log),
    ensureRedis({
      url: config.REDIS_URL,
      autostart: config.REDIS_AUTOSTART,
      dataDir: options.dataDir ?? config.dataDir,
      log,
    }),
  ]);
  if (database.status === "rejected" || endpoint.status === "rejected") {
    if (database.status === "fulfilled") await closeDatabase(database.value);
    if (endpoint.status === "fulfilled") await endpoint.value.stop();
    throw database.status === "rejected" ? database.reason : (endpoint as PromiseRejectedResult).reason;
  }
  const db = database.value;
  const redis = endpoint.value;
  const jobs = new JobSystem(redis.url, config.QUEUE_PREFIX, log, `${await databaseToken(db)}-`, {
    attempts: config.JOB_ATTEMPTS,
    backoffMs: config.JOB_BACKOFF_MS,
    lockMs: config.JOB_LOCK_MS,
    stalledIntervalMs: config.JOB_STALLED_INTERVAL_MS,
  });
  const enqueue = typedEnqueue(jobs.add);
  const outbox = createOutbox(db, enqueue);
  const send = options.wrapSend ? options.wrapSend(outbox) : outbox;
  const services: Services = { db, config, log, send, enqueue };
  const runtime: JobRuntime = { services, adapters, redisUrl: redis.url };
  startWorkers(jobs, runtime);
  const dispatch = createDispatcher(services);
  await resumeDueWork(runtime);
  // Redis without persistence comes back empty: queued and delayed jobs are rebuilt from the database.
  jobs.onReconnect(() => resumeDueWork(runtime));
  const health = new Health({ db, jobs });
  const healthServer: HealthServer | undefined =
    config.HEALTH_PORT > 0 ? await serveHealth(health.probe, config.HEALTH_HOST, config.HEALTH_PORT) : undefined;
  if (healthServer) log.info({ port: healthServer.port }, "Health probes listening (/healthz, /readyz)");
  if (options.startAdapters !== false) for (const adapter of adapters) await adapter.start(dispatch);

  let stopped = false;
  return {
    services,
    dispatch,
    jobs,
    redis,
    health,
    waitUntilIdle: (timeoutMs) => jobs.waitUntilIdle(timeoutMs),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      // Rolling restart: /readyz turns 503 first and the process keeps working while the load balancer
      // notices; then the webhook closes, acknowledged events are finished, running jobs finish or go back.
      health.drain();
      if (config.SHUTDOWN_DRAIN_MS > 0) await new Promise((resolve) => setTimeout(resolve, config.SHUTDOWN_DRAIN_MS));
      for (const adapter of adapters) await adapter.stop().catch(() => undefined);
      await jobs.close(config.SHUTDOWN_GRACE_MS);
      await closeDatabase(db);
      await redis.stop();
      await healthServer?.close();
    },
  };
}
