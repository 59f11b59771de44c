// Each bench runs on its own temporary SQLite file (or, given a DATABASE_URL, that database) and its own
// queue prefix on the shared Redis, and removes both afterwards.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Config, hashTagged, loadConfig } from "../../core/config.ts";
import { connectRedis } from "../../jobs/redis-connection.ts";

export interface Workspace {
  dir: string;
  prefix: string;
  databaseUrl: string;
  redisUrl: string;
  /** Settings as the program would read them, pointed at this workspace. */
  config: Config;
  /** Deletes the queue keys of the prefix and the folder. */
  cleanup(): Promise<void>;
}

export function createWorkspace(redisUrl: string, name: string, env: Record<string, string> = {}): Workspace {
  const dir = mkdtempSync(path.join(tmpdir(), `craftbridge-bench-${name}-`));
  const prefix = hashTagged(`bench-${name}-${randomUUID().slice(0, 8)}`);
  const databaseUrl = env["DATABASE_URL"] ?? `file:${path.join(dir, "bench.db")}`;
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: prefix,
    REDIS_URL: redisUrl,
    REDIS_AUTOSTART: "false",
    LOG_LEVEL: "silent",
    DEMO_DATA: "false",
    ...env,
  });
  return {
    dir,
    prefix,
    databaseUrl,
    redisUrl,
    config,
    cleanup: async () => {
      await deleteKeys(redisUrl, prefix);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Removes every Redis key under `prefix:` (BullMQ keys are `prefix:queue:...`). */
export async function deleteKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = connectRedis(redisUrl, { lazyConnect: true });
  let removed = 0;
  try {
    await redis.connect();
    let cursor = "0";
    do {
      const [nextCursor, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
      cursor = nextCursor;
      if (keys.length > 0) removed += await redis.unlink(...keys);
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
  return removed;
}
