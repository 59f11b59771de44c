// Reaches the configured Redis, or starts a private redis-server for this process when none answers.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { parseRedisUrl } from "../core/config.ts";
import type { Log } from "../core/log.ts";
import { connectRedis } from "../jobs/redis-connection.ts";

/** Redis could neither be reached nor started: the message is one sentence for the person at the keyboard. */
export class RedisUnavailableError extends Error {
  constructor(url: string) {
    super(
      `Redis did not answer at REDIS_URL=${url} and no redis-server could be started: install Redis (for example "sudo apt-get install redis-server") or set REDIS_URL to a running Redis.`,
    );
    this.name = "RedisUnavailableError";
  }
}

export interface RedisEndpoint {
  url: string;
  /** true when this process started its own redis-server. */
  private: boolean;
  stop(): Promise<void>;
}

/** True when the Redis at `url` (one server, a cluster or a Sentinel's master) answers PING within a second. */
export async function redisAnswers(url: string): Promise<boolean> {
  const client = connectRedis(url, { lazyConnect: true, connectTimeoutMs: 1000, failFast: true, retry: () => null });
  client.on("error", () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

function redisServerOnPath(): boolean {
  return spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

/**
 * Returns a Redis to use: the one at `url` if it answers; otherwise, when `autostart` is on, `url` names
 * one server and `redis-server` is on the PATH, a private one on a free port with its folder under
 * `dataDir`, stopped by `stop()` and when this process exits. Throws {@link RedisUnavailableError} otherwise.
 */
export async function ensureRedis(options: {
  url: string;
  autostart: boolean;
  dataDir: string;
  log: Log;
  /** Port of a private redis-server (a free one by default); tests restart Redis on the same port. */
  port?: number;
}): Promise<RedisEndpoint> {
  const { url, autostart, dataDir, log } = options;
  if (await redisAnswers(url)) return { url, private: false, stop: async () => undefined };
  // A private server stands in for one server only: a cluster or Sentinel that is away is an outage.
  const single = parseRedisUrl(url)?.kind === "single";
  if (!autostart || !single || !redisServerOnPath()) throw new RedisUnavailableError(url);

  const port = options.port ?? (await freePort());
  const dir = path.resolve(dataDir, "redis");
  mkdirSync(dir, { recursive: true });
  // No persistence: the database is the durable record, and due work is re-enqueued from it at start.
  const child: ChildProcess = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  const privateUrl = `redis://127.0.0.1:${port}`;
  const killOnExit = () => child.kill("SIGTERM");
  process.once("exit", killOnExit);
  if (!(await waitFor(() => redisAnswers(privateUrl), 5000))) {
    child.kill("SIGKILL");
    throw new RedisUnavailableError(url);
  }
  log.info({ url: privateUrl, dir }, `No Redis answered at ${url}; started a private redis-server on port ${port}`);
  return {
    url: privateUrl,
    private: true,
    stop: async () => {
      process.off("exit", killOnExit);
      if (child.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      });
    },
  };
}
