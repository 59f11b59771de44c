// Redis is reached or started exactly as the program does it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ensureRedis, RedisUnavailableError, redisAnswers } from "../../bot/redis.ts";
import { createLog } from "../../core/log.ts";

const dir = mkdtempSync(path.join(tmpdir(), "craftbridge-redis-"));
const log = createLog("silent");
// Port 1 is reserved and never has a Redis on it.
const nobody = "redis://127.0.0.1:1";

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("Redis at start", () => {
  it("starts a private redis-server when nothing answers at REDIS_URL, and stops it", async () => {
    const redis = await ensureRedis({ url: nobody, autostart: true, dataDir: dir, log });
    expect(redis.private).toBe(true);
    expect(redis.url).not.toBe(nobody);
    expect(await redisAnswers(redis.url)).toBe(true);
    await redis.stop();
    expect(await redisAnswers(redis.url)).toBe(false);
  });

  it("stops with one sentence naming REDIS_URL when Redis can neither be reached nor started", async () => {
    const attempt = ensureRedis({ url: nobody, autostart: false, dataDir: dir, log });
    await expect(attempt).rejects.toThrow(RedisUnavailableError);
    await expect(attempt).rejects.toThrow(
      /^Redis did not answer at REDIS_URL=redis:\/\/127\.0\.0\.1:1 .*apt-get install redis-server.*\.$/,
    );
  });
});
