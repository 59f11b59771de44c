// The one place that turns a REDIS_URL into ioredis connections: one server, a Redis Cluster, or the
// master a Sentinel watches (core/config.ts parses the URL). Queues, workers, the reconnect monitor
// and the start-up check all connect through here.
import type { ConnectionOptions } from "bullmq";
import { Cluster, Redis, type RedisOptions } from "ioredis";
import { parseRedisUrl, type RedisTarget } from "../core/config.ts";

function targetOf(url: string): RedisTarget {
  const target = parseRedisUrl(url);
  if (!target) throw new Error(`Not a Redis URL: ${url}`);
  return target;
}

/** ioredis options for one server or a Sentinel-watched master (a Cluster takes a client instead). */
function serverOptions(target: Exclude<RedisTarget, { kind: "cluster" }>): RedisOptions {
  if (target.kind === "sentinel") {
    return {
      sentinels: target.sentinels,
      name: target.name,
      username: target.username,
      password: target.password,
      sentinelPassword: target.sentinelPassword,
      db: target.db,
      tls: target.tls ? {} : undefined,
      enableTLSForSentinelMode: target.tls,
    };
  }
  const parsed = new URL(target.url);
  const db = Number(parsed.pathname.slice(1) || 0);
  return {
    host: parsed.hostname || "127.0.0.1",
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    tls: parsed.protocol === "rediss:" ? {} : undefined,
  };
}

export interface ClientTuning {
  /** Delay before the next reconnection attempt, or null to give up (a start-up check). */
  retry?: (times: number) => number | null;
  /** Fail a command at once while disconnected instead of queueing it. */
  failFast?: boolean;
  connectTimeoutMs?: number;
  lazyConnect?: boolean;
}

/** A client of the Redis at `url`: a `Redis` for one server or Sentinel, a `Cluster` for a cluster. */
export function connectRedis(url: string, tuning: ClientTuning = {}): Redis | Cluster {
  const target = targetOf(url);
  const common: RedisOptions = {
    lazyConnect: tuning.lazyConnect,
    connectTimeout: tuning.connectTimeoutMs,
    enableOfflineQueue: !tuning.failFast,
    maxRetriesPerRequest: tuning.failFast ? 0 : null,
    ...(tuning.retry ? { retryStrategy: tuning.retry } : {}),
  };
  if (target.kind === "cluster") {
    return new Cluster(target.nodes, {
      lazyConnect: tuning.lazyConnect,
      enableOfflineQueue: !tuning.failFast,
      ...(tuning.retry ? { clusterRetryStrategy: tuning.retry } : {}),
      redisOptions: {
        username: target.username,
        password: target.password,
        tls: target.tls ? {} : undefined,
        connectTimeout: tuning.connectTimeoutMs,
        maxRetriesPerRequest: common.maxRetriesPerRequest,
      },
    });
  }
  const sentinelRetry = target.kind === "sentinel" && tuning.retry ? { sentinelRetryStrategy: tuning.retry } : {};
  return new Redis({ ...serverOptions(target), ...common, ...sentinelRetry });
}

/**
 * ioredis options for BullMQ from a redis://, rediss:// or redis+sentinel:// URL: BullMQ opens and
 * closes its own connections from them. A cluster cannot be described by options (see bullConnection).
 */
export function redisOptions(url: string): ConnectionOptions {
  const target = targetOf(url);
  if (target.kind === "cluster") throw new Error("A Redis Cluster needs a client: use bullConnection()");
  // Workers need this; BullMQ retries on its own.
  return { ...serverOptions(target), maxRetriesPerRequest: null };
}

/** What BullMQ queues and workers of one owner connect with, and how the owner lets go of it. */
export interface BullConnection {
  connection: ConnectionOptions;
  /** Closes the shared cluster client, after every queue and worker using it has closed. */
  close(): Promise<void>;
}

/**
 * For one server or Sentinel: options, from which BullMQ opens and closes its own connections. For a
 * cluster: one `Cluster` client that queues share and workers duplicate for their blocking reads.
 */
export function bullConnection(url: string): BullConnection {
  if (targetOf(url).kind !== "cluster") return { connection: redisOptions(url), close: async () => undefined };
  const cluster = connectRedis(url);
  cluster.on("error", () => undefined);
  return {
    connection: cluster,
    close: async () => {
      await cluster.quit().catch(() => cluster.disconnect());
    },
  };
}
