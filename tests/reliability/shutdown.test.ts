// SIGTERM: the process stops taking work, hands back the job it is in the middle of, closes Redis and
// the database, and exits 0 well within 10 seconds.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Queue } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import { redisOptions } from "../../jobs/redis-connection.ts";
import { testDatabaseUrl } from "../support/test-database.ts";
import { startBotProcess } from "./support/processes.ts";

const dir = mkdtempSync(path.join(tmpdir(), "craftbridge-term-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const redisUrl = "redis://127.0.0.1:6379";

/** Runs `craftbridge <command>`, waits until it is ready, sends SIGTERM, and returns the exit code. */
async function terminate(command: string, ready: (out: string, err: string) => boolean, input?: string) {
  const child = spawn(process.execPath, ["bin/craftbridge.js", command], {
    env: {
      ...process.env,
      DATABASE_URL: testDatabaseUrl(dir, `${command}.db`),
      DATA_DIR: dir,
      QUEUE_PREFIX: `test-${randomUUID()}`,
      LOG_LEVEL: "info",
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  if (input) child.stdin.write(input);
  const deadline = Date.now() + 120_000;
  while (!ready(out, err) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(ready(out, err), err).toBe(true);
  child.kill("SIGTERM");
  // The stdin pipe stays open: the process must end on the signal alone, within 10 s.
  const limit = new Promise<"still running">((resolve) => setTimeout(() => resolve("still running"), 10_000).unref());
  const outcome = await Promise.race([exit, limit]);
  if (outcome === "still running") child.kill("SIGKILL");
  return { outcome, err };
}

/** A process starting on a busy machine may take long to be ready: room for that, not a deadline (the 10 s is). */
const processRoom = 240_000;

describe("SIGTERM", () => {
  it(
    "ends `craftbridge worker` with exit code 0 within 10 s",
    async () => {
      const { outcome, err } = await terminate("worker", (_out, err) => err.includes("Worker ready"));
      expect(outcome, err).toBe(0);
      expect(err).toContain("Worker stopped");
    },
    processRoom,
  );

  it(
    "ends `craftbridge start` (terminal chat, input still open) with exit code 0 within 10 s",
    async () => {
      const { outcome, err } = await terminate("start", (out) => out.includes("匠桥:"), "帮助\n");
      expect(outcome, err).toBe(0);
    },
    processRoom,
  );

  it(
    "hands a job it is in the middle of back to the queue instead of losing it",
    async () => {
      const prefix = `{test-${randomUUID()}}`;
      const proc = await startBotProcess({
        DATABASE_URL: testDatabaseUrl(dir, "handback.db"),
        DATA_DIR: dir,
        QUEUE_PREFIX: prefix,
        SENT_FILE: path.join(dir, "handback.jsonl"),
        HANG_SEND: "^offer-",
        SHUTDOWN_GRACE_MS: "1000",
      });
      proc.say({
        chatId: "东莞制造企业群",
        senderId: "王经理",
        text: "@匠桥 我们厂在东莞，数控加工的薄壁件变形严重，想请专家下周来现场指导",
      });
      await proc.printed("hung offer-");
      proc.child.kill("SIGTERM");
      expect(await proc.exited(10_000)).toBe(0);
      const queue = new Queue("match", { connection: redisOptions(redisUrl), prefix });
      try {
        expect(await queue.getJobCounts("wait", "active")).toEqual({ wait: 1, active: 0 });
      } finally {
        await queue.obliterate({ force: true });
        await queue.close();
      }
    },
    processRoom,
  );
});
