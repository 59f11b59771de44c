// The platform API failing: HTTP 500, a send that never answers, 429 with a reset header. Retried with
// backoff; a rate limit is waited out as long as the platform says, without spending an attempt; after
// the last attempt the message is marked failed and staff are told. Nothing is dropped silently.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LarkAdapter } from "../../bot/adapters/lark/lark-adapter.ts";
import { createLog } from "../../core/log.ts";
import type { Adapter } from "../../core/messages.ts";
import { deliverJob } from "../../jobs/deliver.ts";
import { noticeFailedDelivery } from "../../jobs/failed-delivery-notice.ts";
import { JobSystem } from "../../jobs/job-system.ts";
import { createOutbox, type Send } from "../../jobs/outbox.ts";
import { typedEnqueue } from "../../jobs/registry.ts";
import { type FakeLark, startFakeLark } from "../adapters/fake-lark.ts";
import { startTestBot, type TestBot } from "../support/test-bot.ts";
import { eventually } from "./support/processes.ts";

let bot: TestBot;
let jobs: JobSystem;
let send: Send;
let fake: FakeLark | undefined;
const log = createLog("silent");

/** A Lark-platform adapter whose sends do what `behave` says for each attempt (1-based). */
function scripted(behave: (attempt: number) => Promise<void>): Adapter & { attempts: number } {
  const adapter = {
    platform: "lark" as const,
    attempts: 0,
    start: async () => undefined,
    stop: async () => undefined,
    send: async () => behave(++adapter.attempts),
  };
  return adapter;
}

const http500 = () =>
  Promise.reject(Object.assign(new Error("Request failed with status code 500"), { response: { status: 500 } }));
const never = () => new Promise<void>(() => undefined);

beforeEach(async () => {
  bot = await startTestBot();
  // A staff member who can be told.
  await bot.run(["/as 工会小陈", "/in dm", "帮助"]);
  jobs = new JobSystem(bot.app.redis.url, `test-${randomUUID()}`, log, "", { attempts: 3, backoffMs: 20 });
  send = createOutbox(bot.app.services.db, typedEnqueue(jobs.add));
});
afterEach(async () => {
  await jobs.obliterate();
  await jobs.close(0);
  await fake?.close();
  fake = undefined;
  await bot.stop();
});

/**
 * Delivers through `adapter`. A send that never answers counts as failed after `sendTimeoutMs`: short
 * where hanging is the fault under test, long where a real HTTP send on a busy machine must not time out.
 */
/** The real Lark adapter against the fake platform, sending only (its events are not under test here). */
function larkAdapter(platform: FakeLark): LarkAdapter {
  return new LarkAdapter({
    appId: "cli_test",
    appSecret: "secret",
    domain: platform.url,
    mode: "webhook",
    verificationToken: "v",
    webhookPort: 0,
    webhookPath: "/lark/events",
    botName: "匠桥",
    log,
    findCard: async () => null,
    // Do not wait inside the send: hand the wait to the queue.
    sender: { maxWaitMs: 0 },
  });
}

function deliverThrough(adapter: Adapter, sendTimeoutMs = 300): void {
  jobs.startWorker(
    deliverJob(bot.app.services.db, adapter, {
      sendTimeoutMs,
      onFailed: (row) => noticeFailedDelivery(bot.app.services, row),
    }),
  );
}

async function outcome(key: string) {
  const { db } = bot.app.services;
  return eventually(async () => {
    const row = await db.outboundMessage.findUnique({ where: { key } });
    return row && row.status !== "pending" && row;
  });
}

describe("a failing platform", () => {
  it("is retried after HTTP 500 until the send goes through", async () => {
    const adapter = scripted((attempt) => (attempt < 3 ? http500() : Promise.resolve()));
    deliverThrough(adapter);
    await send({
      key: "k-500-then-ok",
      target: { platform: "lark", kind: "chat", id: "oc_1" },
      message: { kind: "text", text: "你好" },
    });
    const row = await outcome("k-500-then-ok");
    expect(row).toMatchObject({ status: "sent", attempts: 3, error: null });
  });

  for (const [name, behave, error] of [
    ["HTTP 500 every time", http500, /500/],
    ["a send that never answers", never, /timed out/],
  ] as const) {
    it(`marks the message failed after the last attempt and tells staff: ${name}`, async () => {
      const adapter = scripted(behave);
      deliverThrough(adapter);
      await send({
        key: `k-${name}`,
        target: { platform: "lark", kind: "user", id: "ou_wang" },
        message: { kind: "text", text: "需求 R-0001 的专家联系方式" },
      });
      const row = await outcome(`k-${name}`);
      expect(row.status).toBe("failed");
      expect(row.attempts).toBe(3);
      expect(row.error).toMatch(error);
      expect(adapter.attempts).toBe(3);
      const notice = await bot.waitFor(/^\[dm:工会小陈\] 匠桥: 【消息发送失败】/);
      expect(notice).toContain("user:ou_wang");
      expect(notice).toContain("需求 R-0001 的专家联系方式");
    });
  }

  it("marks a send to a chat the bot was removed from failed at once, without retrying, and tells staff", async () => {
    fake = await startFakeLark();
    fake.chatsWithoutBot.add("oc_left");
    deliverThrough(larkAdapter(fake), 60_000);
    await send({
      key: "k-left",
      target: { platform: "lark", kind: "chat", id: "oc_left" },
      message: { kind: "text", text: "需求 R-0001 有新进展" },
    });
    const row = await outcome("k-left");
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row.error).toContain("230002");
    expect(fake.sendAttempts.map((attempt) => attempt.status)).toEqual([400]);
    const notice = await bot.waitFor(/^\[dm:工会小陈\] 匠桥: 【消息发送失败】/);
    expect(notice).toContain("chat:oc_left");
  });

  it("waits out 429 for as long as x-ogw-ratelimit-reset says, without spending an attempt, and sends once", async () => {
    fake = await startFakeLark();
    const lark = larkAdapter(fake);
    fake.rateLimitNext(2, 1);
    deliverThrough(lark, 60_000);
    await send({
      key: "k-429",
      target: { platform: "lark", kind: "chat", id: "oc_1" },
      message: { kind: "text", text: "稍等" },
    });
    const row = await outcome("k-429");
    expect(row).toMatchObject({ status: "sent", attempts: 1 });
    expect(fake.sendAttempts.map((attempt) => attempt.status)).toEqual([429, 429, 200]);
    // Each retry came no sooner than the reset the platform named (1 s).
    const [first, second, third] = fake.sendAttempts.map((attempt) => attempt.at);
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(950);
    expect((third ?? 0) - (second ?? 0)).toBeGreaterThanOrEqual(950);
    expect(fake.messages.filter((message) => message.uuid === "k-429")).toHaveLength(1);
  });
});
