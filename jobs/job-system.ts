// BullMQ on Redis: one queue per job kind, workers started per process, and an idle check for
// the terminal chat's piped mode. Job ids carry the idempotency key.
import { type ConnectionOptions, type Job, Queue, Worker } from "bullmq";
import type { Log } from "../bot/log.ts";

export interface JobDefinition<P> {
  queue: string;
  /** How many jobs of this queue one process runs at once. */
  concurrency: number;
  /** Attempts before the job is marked failed. */
  attempts?: number;
  process: (payload: P, job: Job<P>) => Promise<unknown>;
}

export interface EnqueueOptions {
  /** Idempotency key: a job with the same id that still exists is not added again. */
  jobId?: string;
  delayMs?: number;
}

export type Enqueue = (queue: string, payload: object, options?: EnqueueOptions) => Promise<void>;

/** Owns every BullMQ queue and worker of this process. */
/** ioredis options from a redis:// or rediss:// URL. */
export function redisOptions(url: string): ConnectionOptions {
  const parsed = new URL(url);
  const db = Number(parsed.pathname.slice(1) || 0);
  return {
    host: parsed.hostname || "127.0.0.1",
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    tls: parsed.protocol === "rediss:" ? {} : undefined,
    // Workers need this; BullMQ retries on its own.
    maxRetriesPerRequest: null,
  };
}

export class JobSystem {
  private readonly connection: ConnectionOptions;
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];
  private closed = false;

  /**
   * `idNamespace` is prepended to every job id: ids are derived from database ids, and a new database
   * on the same Redis must not find its job ids already taken by an old one's.
   */
  constructor(
    redisUrl: string,
    private readonly prefix: string,
    private readonly log: Log,
    private readonly idNamespace = "",
  ) {
    // BullMQ opens and closes its own connections from these options, so close() leaves nothing behind.
    this.connection = redisOptions(redisUrl);
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
  readonly enqueue: Enqueue = async (queue, payload, options = {}) => {
    await this.queue(queue).add(queue, payload, {
      jobId: options.jobId === undefined ? undefined : `${this.idNamespace}${options.jobId}`,
      delay: options.delayMs,
      attempts: 5,
      backoff: { type: "exponential", delay: 500 },
      removeOnComplete: { age: 24 * 3600, count: 5000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
  };

  /** Starts a worker for one job definition in this process. */
  startWorker<P>(definition: JobDefinition<P>): void {
    this.queue(definition.queue);
    const worker = new Worker<P>(definition.queue, (job) => definition.process(job.data, job), {
      connection: this.connection,
      prefix: this.prefix,
      concurrency: definition.concurrency,
      autorun: true,
    });
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

  /** Stops taking jobs, lets running ones finish, closes every connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.workers.map((worker) => worker.close()));
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }

  /** Removes every queue of this prefix (tests only). */
  async obliterate(): Promise<void> {
    for (const queue of this.queues.values()) await queue.obliterate({ force: true }).catch(() => undefined);
  }
}
