// Starts everything one process needs: database, Redis, queues and workers, adapters.

import { type Config, dataDirOf } from "../core/config.ts";
import type { Log } from "../core/log.ts";
import type { Adapter } from "../core/messages.ts";
import { deliverJob } from "../jobs/deliver.ts";
import { digestJob, upsertDigestScheduler } from "../jobs/digest/digest-job.ts";
import { draftExpiryJob, draftExpiryQueue } from "../jobs/draft-expiry.ts";
import { noticeFailedDelivery } from "../jobs/failed-delivery-notice.ts";
import { followUpAt, followUpJob, scheduleFollowUp } from "../jobs/follow-up.ts";
import { JobSystem } from "../jobs/job-system.ts";
import { matchJob, matchQueue } from "../jobs/match.ts";
import { offerJob } from "../jobs/offer.ts";
import { offerTimeoutJob, scheduleOfferTimeout } from "../jobs/offer-timeout.ts";
import { repairingOrphans, resumeOrphanOffers } from "../jobs/orphan-offers.ts";
import { createOutbox, deliverQueue, type Send } from "../jobs/outbox.ts";
import { rankerFor } from "../jobs/ranker.ts";
import { resumeRosterImports, rosterImportJob } from "../jobs/roster-import.ts";
import type { Services } from "../jobs/services.ts";
import { closeDatabase, type Db, databaseToken, openDatabase } from "../prisma/client.ts";
import { ensureServiceTeams } from "../prisma/roster/import-roster.ts";
import { seedDemoData } from "../prisma/seed/seed-demo.ts";
import { createDispatcher, type Dispatch } from "./dispatcher.ts";
import { ensureRedis, type RedisEndpoint } from "./redis.ts";

export interface App {
  services: Services;
  dispatch: Dispatch;
  jobs: JobSystem;
  redis: RedisEndpoint;
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
  if (config.DEMO_DATA) {
    const demo = await seedDemoData(db);
    if (demo.seeded) log.info({ experts: demo.experts }, "Loaded the demo roster into an empty database");
  }
  return db;
}

/**
 * Re-enqueues from the database whatever was due when the process last stopped, or when Redis came
 * back empty. Job ids follow the database state, so several processes resuming at once queue each once.
 */
async function resumeDueWork(services: Services, platforms: string[]): Promise<void> {
  const { db, enqueue } = services;
  const pending = await db.outboundMessage.findMany({ where: { status: "pending", platform: { in: platforms } } });
  for (const row of pending)
    await enqueue(deliverQueue(row.platform), { outboxId: row.id }, { jobId: `out-${row.id}` });
  // An offer claimed by a worker that died before writing its card goes back to the candidates.
  await resumeOrphanOffers(services, services.config.JOB_LOCK_MS);
  const open = await db.helpRequest.findMany({
    where: { status: { in: ["open", "matching"] } },
    select: { id: true, updatedAt: true },
  });
  for (const request of open) {
    const jobId = `match-${request.id}-resume-${request.updatedAt.getTime()}`;
    await enqueue(matchQueue, { requestId: request.id }, { jobId });
  }
  const drafts = await db.helpRequest.findMany({ where: { status: "draft" }, select: { id: true, createdAt: true } });
  const draftMs = services.config.DRAFT_TIMEOUT_MINUTES * 60 * 1000;
  for (const draft of drafts) {
    const delayMs = Math.max(0, draft.createdAt.getTime() + draftMs - Date.now());
    await enqueue(draftExpiryQueue, { requestId: draft.id }, { jobId: `draft-${draft.id}`, delayMs });
  }
  // Redis may have restarted empty: every open offer gets its next step back (reminder, or expiry once reminded).
  const offers = await db.match.findMany({
    where: { status: "offered" },
    select: { id: true, offeredAt: true, remindedAt: true },
  });
  for (const offer of offers) {
    const { id, offeredAt, remindedAt } = offer;
    await scheduleOfferTimeout(enqueue, services.config.OFFER_TIMEOUT_HOURS, id, offeredAt ?? new Date(), !!remindedAt);
  }
  const introduced = await db.match.findMany({
    where: { status: "accepted", followedUpAt: null, outcome: null },
    select: { id: true, introducedAt: true, request: { select: { windowEnd: true } } },
  });
  for (const match of introduced) {
    const at = followUpAt(match.introducedAt ?? new Date(), match.request.windowEnd, services.config.FOLLOW_UP_DAYS);
    await scheduleFollowUp(enqueue, match.id, at);
  }
  await resumeRosterImports(services);
}

export async function startApp(options: StartOptions): Promise<App> {
  const { config, log, adapters } = options;
  // The database and Redis do not need each other until the queues start: both get ready at once.
  const [database, endpoint] = await Promise.allSettled([
    prepareDatabase(config, log),
    ensureRedis({
      url: config.REDIS_URL,
      autostart: config.REDIS_AUTOSTART,
      dataDir: options.dataDir ?? dataDirOf(config.DATABASE_URL),
      log,
    }),
  ]);
  if (database.status === "rejected" || endpoint.status === "rejected") {
    if (database.status === "fulfilled") await database.value.$disconnect();
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
  const outbox = createOutbox(db, jobs.enqueue);
  const send = options.wrapSend ? options.wrapSend(outbox) : outbox;
  const services: Services = { db, config, log, send, enqueue: jobs.enqueue };
  const ranker = rankerFor(db);
  jobs.startWorker(repairingOrphans(services, matchJob(services, ranker)));
  jobs.startWorker(repairingOrphans(services, offerJob(services)));
  jobs.startWorker(offerTimeoutJob(services));
  jobs.startWorker(followUpJob(services));
  jobs.startWorker(draftExpiryJob(services));
  jobs.startWorker(digestJob(services));
  jobs.startWorker(rosterImportJob(services));
  const deliverOptions = {
    sendTimeoutMs: config.SEND_TIMEOUT_MS,
    onFailed: (row: Parameters<typeof noticeFailedDelivery>[1]) => noticeFailedDelivery(services, row),
  };
  for (const adapter of adapters) jobs.startWorker(deliverJob(db, adapter, deliverOptions));
  const dispatch = createDispatcher(services);
  const platforms = adapters.map((adapter) => adapter.platform);
  // Independent of each other, and together most of a restart.
  await Promise.all([
    upsertDigestScheduler(redis.url, config.QUEUE_PREFIX, config.DIGEST_TIME),
    resumeDueWork(services, platforms),
  ]);
  // Redis without persistence comes back empty: queued and delayed jobs are rebuilt from the database.
  jobs.onReconnect(async () => {
    await upsertDigestScheduler(redis.url, config.QUEUE_PREFIX, config.DIGEST_TIME);
    await resumeDueWork(services, platforms);
  });
  if (options.startAdapters !== false) for (const adapter of adapters) await adapter.start(dispatch);

  let stopped = false;
  return {
    services,
    dispatch,
    jobs,
    redis,
    waitUntilIdle: (timeoutMs) => jobs.waitUntilIdle(timeoutMs),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      for (const adapter of adapters) await adapter.stop().catch(() => undefined);
      await jobs.close(config.SHUTDOWN_GRACE_MS);
      await closeDatabase(db);
      await redis.stop();
    },
  };
}
