// BullMQ on Redis: one queue per job kind, workers started per process, and an idle check for
// the terminal chat's piped mode. Job ids carry the idempotency key.
import { type ConnectionOptions, Job, Queue, Worker } from "bullmq";
import type { Cluster, Redis } from "ioredis";
import { hashTagged } from "../core/config.ts";
import type { Log } from "../core/log.ts";
import type { Adapter } from "../core/messages.ts";
import type { Jobs, QueueName } from "../core/ports.ts";
import { type BullConnection, bullConnection, connectRedis } from "./redis-connection.ts";
import type { Services } from "./services.ts";

/** A worker of one queue: what a jobs/<queue>.ts hands to start-up (jobs/registry.ts). */
export interface JobDefinition<P> {
  queue: QueueName;
  /** How many jobs of this queue one process runs at once. */
  concurrency: number;
  /** Attempts before the job is marked failed. */
  attempts?: number;
  /** `token` is the worker's lock on the job, for moving it (e.g. delaying it while a platform rate-limits). */
  process: (payload: P, job: Job<P>, token?: string) => Promise<unknown>;
}

/** What one process gives its queues: the shared services, its adapters (their deliver queues run here). */
export interface JobRuntime {
  services: Services;
  adapters: readonly Adapter[];
  /** The Redis the queues live on (the digest's scheduler is upserted there). */
  redisUrl: string;
}

/**
 * A queue file's part in start-up (jobs/registry.ts): its job-id rule, the workers it runs in this
 * process, and its own recovery after a Redis loss (re-enqueue from the database whatever is due).
 */
export interface QueueModule<Q extends QueueName> {
  /** The idempotency key of a job: the same payload never queues twice while its job exists. */
  jobId(payload: Jobs[Q]): string;
  workers(runtime: JobRuntime): JobDefinition<Jobs[Q]>[];
  /** Called at start-up and whenever Redis answers again; job ids keep it from queueing twice. */
  resume?(runtime: JobRuntime): Promise<void>;
}

/** How jobs are retried and when a dead worker's jobs are handed to another (see bot/config.ts). */
export interface JobTuning {
  attempts: number;
  backoffMs: number;
  lockMs: number;
  stalledIntervalMs: number;
}

const defaultTuning: JobTuning = { attempts: 5, backoffMs: 500, lockMs: 30_000, stalledIntervalMs: 30_000 };

// An enqueue waits at most this long for Redis; past it the work stays in the database for recovery.
const enqueueWaitMs = 2000;

export interface AddOptions {
  /** Idempotency key: a job with the same id that still exists is not added again. */
  jobId?: string;
  delayMs?: number;
}

/**
 * Adds a job with an explicit id: the transport under the typed `Enqueue` (jobs/registry.ts), which
 * takes the id from the queue's own rule. Tests that need two jobs of one payload use it directly.
 */
export type AddJob = (queue: string, payload: object, options?: AddOptions) => Promise<void>;

/** Owns every BullMQ queue and worker of this process. */
export class JobSystem {
  private readonly redisUrl: string;
  private readonly bull: BullConnection;
  private readonly connection: ConnectionOptions;
  private readonly prefix: string;
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];
  /** Jobs running in this process, with the lock token that lets them be handed back. */
  private readonly active = new Map<Job, string | undefined>();
  private readonly recoveryListeners: (() => Promise<void>)[] = [];
  private monitor?: Redis | Cluster;
  private readonly tuning: JobTuning;
  private closed = false;

  /**
   * `idNamespace` is prepended to every job id: ids are derived from database ids, and a new database
   * on the same Redis must not find its job ids already taken by an old one's.
   */
  constructor(
    redisUrl: string,
    prefix: string,
    private readonly log: Log,
    private readonly idNamespace = "",
    tuning: Partial<JobTuning> = {},
  ) {
    this.redisUrl = redisUrl;
    this.bull = bullConnection(redisUrl);
    this.connection = this.bull.connection;
    // Hash-tagged here too, so that a caller passing a bare name lands on the same keys as the config.
    this.prefix = hashTagged(prefix);
    this.tuning = { ...defaultTuning, ...tuning };
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.prefix });
      queue.on("error", (error) => this.log.warn({ queue: name, err: error.message }, "Queue error"));
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Adds a job. The payload carries ids only, never SDK objects. */
  readonly add: AddJob = async (queue, payload, options = {}) => {
    const added = this.queue(queue).add(queue, payload, {
      jobId: options.jobId === undefined ? undefined : `${this.idNamespace}${options.jobId}`,
      delay: options.delayMs,
      attempts: this.tuning.attempts,
      backoff: { type: "exponential", delay: this.tuning.backoffMs },
      removeOnComplete: { age: 24 * 3600, count: 5000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
    // Redis down must not stall a conversation: every job is derived from database state (outbox rows
    // pending, requests open, offers offered…), which recovery re-enqueues once Redis answers again.
    // The add itself stays in ioredis's offline queue and lands when Redis is back.
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), enqueueWaitMs);
    });
    try {
      const outcome = await Promise.race([added, gaveUp]);
      if (outcome === "late")
        this.log.warn({ queue, jobId: options.jobId }, "Redis is not answering; job left to recovery");
    } catch (error) {
      this.log.warn({ queue, jobId: options.jobId, err: String(error) }, "Job not queued; left to recovery");
    } finally {
      clearTimeout(timer);
    }
    added.catch(() => undefined);
  };

  /**
   * Calls `listener` whenever Redis answers again after a loss of connection: a Redis that restarted
   * empty has lost every queued and delayed job, which the listener re-enqueues from the database.
   */
  onReconnect(listener: () => Promise<void>): void {
    this.recoveryListeners.push(listener);
    if (this.monitor) return;
    const monitor = connectRedis(this.redisUrl, { retry: (times) => Math.min(times * 200, 2000) });
    let lost = false;
    monitor.on("error", () => undefined);
    monitor.on("close", () => {
      if (!this.closed) lost = true;
    });
    monitor.on("ready", () => {
      if (!lost || this.closed) return;
      lost = false;
      this.log.warn("Redis answers again; re-enqueueing due work from the database");
      for (const recover of this.recoveryListeners) {
        recover().catch((error) => this.log.error({ err: String(error) }, "Recovery after Redis reconnect failed"));
      }
    });
    this.monitor = monitor;
  }

  /**
   * True when Redis answers a PING within `timeoutMs` on the reconnect monitor's connection (a
   * readiness probe: no connection is opened per check). False before onReconnect() and after close().
   */
  async redisAnswers(timeoutMs = 1000): Promise<boolean> {
    const monitor = this.monitor;
    if (!monitor || this.closed || monitor.status !== "ready") return false;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([monitor.ping().then((answer) => answer === "PONG"), late]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Starts a worker for one job definition in this process. */
  startWorker<P>(definition: JobDefinition<P>): void {
    this.queue(definition.queue);
    const worker = new Worker<P>(
      definition.queue,
      async (job, token) => {
        this.active.set(job, token);
        try {
          return await definition.process(job.data, job, token);
        } finally {
          this.active.delete(job);
        }
      },
      {
        connection: this.connection,
        prefix: this.prefix,
        concurrency: definition.concurrency,
        autorun: true,
        // A worker that dies (SIGKILL) stops renewing its locks; its jobs go back to the queue after lockMs.
        lockDuration: this.tuning.lockMs,
        stalledInterval: this.tuning.stalledIntervalMs,
        // A job whose lock was not renewed in time goes back to the queue as often as a failed one is retried
        // (BullMQ fails it after one such stall). A busy machine misses renewals of live workers too, and a
        // job failed that way left its request in `matching` for good; every job is safe to run again.
        maxStalledCount: this.tuning.attempts,
      },
    );
    worker.on("failed", (job, error) =>
      this.log.error({ queue: definition.queue, jobId: job?.id, err: error.message }, "Job failed"),
    );
    worker.on("error", (error) => this.log.warn({ queue: definition.queue, err: error.message }, "Worker error"));
    this.workers.push(worker);
  }

  /** Jobs waiting, running or due now across every queue this process knows. */
  async pendingCount(): Promise<number> {
    let total = 0;
    for (const queue of this.queues.values()) {
      const counts = await queue.getJobCounts("waiting", "active", "prioritized", "waiting-children");
      total += Object.values(counts).reduce((sum, n) => sum + n, 0);
      // Delayed jobs due within a second count as pending (retries with backoff).
      const delayed = await queue.getDelayed(0, 50);
      total += delayed.filter((job) => job.timestamp + (job.opts.delay ?? 0) <= Date.now() + 1000).length;
    }
    return total;
  }

  /** Resolves when no queue has pending work twice in a row, or after `timeoutMs`. */
  async waitUntilIdle(timeoutMs = 30_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    let quiet = 0;
    while (Date.now() < deadline) {
      quiet = (await this.pendingCount()) === 0 ? quiet + 1 : 0;
      if (quiet >= 2) return true;
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    return false;
  }

  /**
   * Stops taking jobs and lets running ones finish for up to `graceMs`; jobs still running then are
   * handed back to the queue (another worker, or this one after a restart, runs them again — every
   * job is idempotent). Closes every connection.
   */
  async close(graceMs = Number.POSITIVE_INFINITY): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.monitor?.disconnect();
    await Promise.all(this.workers.map((worker) => worker.pause(true).catch(() => undefined)));
    const deadline = Date.now() + graceMs;
    while (this.active.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    const left = [...this.active];
    // Workers stop first, so that none of them picks up again a job handed back below.
    await Promise.all(this.workers.map((worker) => worker.close(left.length > 0)));
    if (left.length > 0) {
      this.log.warn({ jobs: left.length }, "Shutting down: handing running jobs back to their queues");
      for (const [job, token] of left) {
        // Through this process's queue connection: the worker's own is closed.
        const again = job.id ? await Job.fromId(this.queue(job.queueName), job.id) : undefined;
        await again
          ?.moveToWait(token)
          .catch((error) => this.log.warn({ jobId: job.id, err: String(error) }, "Job not handed back"));
      }
    }
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    await this.bull.close();
  }

  /** Removes every queue of this prefix (tests only). */
  async obliterate(): Promise<void> {
    for (const queue of this.queues.values()) await queue.obliterate({ force: true }).catch(() => undefined);
  }
}
