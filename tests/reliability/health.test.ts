// What a load balancer sees: /healthz while the process lives, /readyz 200 only while the database
// answers with every migration applied, Redis answers, and the process is not shutting down.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type HealthServer, serveHealth } from "../../bot/health-server.ts";
import { ensureRedis, type RedisEndpoint } from "../../bot/redis.ts";
import { createLog } from "../../core/log.ts";
import { startTestBot, type TestBot } from "../support/test-bot.ts";
import { eventually } from "./support/processes.ts";

const dir = mkdtempSync(path.join(tmpdir(), "craftbridge-health-"));
const log = createLog("silent");
// Nothing answers on port 1, so ensureRedis starts a private redis-server this test may stop.
const nobody = "redis://127.0.0.1:1";
let bot: TestBot | undefined;
let redis: RedisEndpoint | undefined;
let server: HealthServer | undefined;
afterAll(async () => {
  await server?.close();
  await bot?.stop();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function probe(pathname: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const answer = await fetch(`http://127.0.0.1:${server?.port}${pathname}`);
  return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
}

describe("health probes", () => {
  it("says ready while the database and Redis answer, 503 with the reason when Redis is gone, alive throughout", async () => {
    redis = await ensureRedis({ url: nobody, autostart: true, dataDir: path.join(dir, "redis"), log });
    bot = await startTestBot({ REDIS_URL: redis.url, REDIS_AUTOSTART: "false" });
    server = await serveHealth(bot.app.health.probe, "127.0.0.1", 0);

    expect(await probe("/healthz")).toEqual({ status: 200, body: { alive: true } });
    await eventually(async () => (await probe("/readyz")).status === 200);
    expect((await probe("/readyz")).body).toEqual({ ready: true });

    await redis.stop();
    await eventually(async () => (await probe("/readyz")).status === 503);
    expect((await probe("/readyz")).body).toEqual({ ready: false, reason: "redis not answering" });
    expect((await probe("/healthz")).status).toBe(200);

    // Back on the same port: ready again without a restart.
    const port = Number(new URL(redis.url).port);
    redis = await ensureRedis({ url: nobody, autostart: true, dataDir: path.join(dir, "redis-b"), log, port });
    await eventually(async () => (await probe("/readyz")).status === 200);
  });

  it("is not ready while a committed migration is missing from the database", async () => {
    const db = bot?.app.services.db;
    if (!db) throw new Error("the first test starts the bot");
    const [last] = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      "SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1",
    );
    const name = last?.migration_name ?? "";
    // Tagged templates bind in either database's placeholder style.
    await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = finished_at WHERE migration_name = ${name}`;
    const answer = await probe("/readyz");
    expect(answer.status).toBe(503);
    expect(answer.body["reason"]).toBe(`migrations not applied: ${last?.migration_name}`);
    await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = ${name}`;
    expect((await probe("/readyz")).status).toBe(200);
  });

  it("turns /readyz to 503 as soon as the process starts shutting down, /healthz still 200", async () => {
    bot?.app.health.drain();
    expect(await probe("/readyz")).toEqual({ status: 503, body: { ready: false, reason: "shutting down" } });
    expect((await probe("/healthz")).status).toBe(200);
  });

  it("answers on HEALTH_PORT in `craftbridge worker`, which has no other HTTP server, and says so on SIGTERM", async () => {
    const port = await new Promise<number>((resolve) => {
      const probeServer = createServer().listen(0, "127.0.0.1", () => {
        const address = probeServer.address();
        probeServer.close(() => resolve(typeof address === "object" && address ? address.port : 0));
      });
    });
    const child = spawn(process.execPath, ["bin/craftbridge.js", "worker"], {
      env: {
        ...process.env,
        DATABASE_URL: `file:${path.join(dir, "worker.db")}`,
        QUEUE_PREFIX: `test-${randomUUID()}`,
        HEALTH_PORT: String(port),
        HEALTH_HOST: "127.0.0.1",
        SHUTDOWN_DRAIN_MS: "3000",
        SHUTDOWN_GRACE_MS: "3000",
      },
      stdio: "ignore",
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const readyz = async () => {
      const answer = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
      return answer ? { status: answer.status, body: (await answer.json()) as Record<string, unknown> } : null;
    };
    try {
      await eventually(async () => (await readyz())?.status === 200);
      child.kill("SIGTERM");
      await eventually(async () => (await readyz())?.body["reason"] === "shutting down");
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 180_000);
});
