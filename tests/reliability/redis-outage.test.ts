// Redis stopped and started again empty (no persistence): what people said meanwhile is stored and
// answered after recovery, delayed jobs and the digest scheduler are rebuilt, no request is stuck.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Queue } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import { ensureRedis, type RedisEndpoint } from "../../bot/redis.ts";
import { createLog } from "../../core/log.ts";
import type { IncomingMessage } from "../../core/messages.ts";
import { redisOptions } from "../../jobs/redis-connection.ts";
import { startTestBot, type TestBot } from "../support/test-bot.ts";
import { eventually } from "./support/processes.ts";

const dir = mkdtempSync(path.join(tmpdir(), "craftbridge-outage-"));
const log = createLog("silent");
// Nothing answers on port 1, so ensureRedis starts a private redis-server of this test's own.
const nobody = "redis://127.0.0.1:1";
let bot: TestBot | undefined;
let redis: RedisEndpoint | undefined;
afterAll(async () => {
  await bot?.stop();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function say(chat: string, sender: string, text: string): IncomingMessage {
  return {
    platform: "terminal",
    messageId: `outage-${Math.random().toString(36).slice(2)}`,
    chatId: chat,
    chatKind: "group",
    chatTitle: chat,
    senderId: sender,
    senderName: sender,
    text,
    mentionsBot: true,
    receivedAt: new Date(),
  };
}

describe("Redis lost and back empty", () => {
  it("answers what came in meanwhile, rebuilds due jobs and the digest scheduler, leaves no request stuck", async () => {
    redis = await ensureRedis({ url: nobody, autostart: true, dataDir: path.join(dir, "a"), log });
    const port = Number(new URL(redis.url).port);
    bot = await startTestBot({ REDIS_URL: redis.url, REDIS_AUTOSTART: "false" });
    const prefix = bot.app.services.config.QUEUE_PREFIX;
    await bot.run([
      "/in 东莞制造企业群",
      "/as 东莞精工科技-王经理",
      "@匠桥 我们厂在东莞，数控加工的薄壁件变形严重，想请专家下周来现场指导",
    ]);
    await bot.waitFor(/^\[dm:[^\]]+\] 匠桥: .*R-0001.*\[1:接受\]/);
    const { db } = bot.app.services;
    const firstOffer = await db.match.findFirstOrThrow({ where: { status: "offered" } });

    await redis.stop();
    // Said while Redis is away: stored at once, nothing thrown, nothing lost.
    await bot.app.dispatch(say("佛山企业服务群", "佛山陶瓷-李厂长", "@匠桥 佛山的窑炉温控PLC经常跳闸，求专家远程指导"));
    const during = await db.helpRequest.findUniqueOrThrow({ where: { code: "R-0002" } });
    expect(await db.outboundMessage.count({ where: { status: "pending", targetId: "佛山企业服务群" } })).toBe(1);
    expect(await db.inboundMessage.count({ where: { status: "failed" } })).toBe(0);

    // Back, on the same address, with nothing in it.
    redis = await ensureRedis({ url: nobody, autostart: true, dataDir: path.join(dir, "b"), log, port });
    await bot.waitFor(/^\[佛山企业服务群\] 匠桥: 已登记需求 R-0002/);
    await bot.waitFor(/^\[dm:[^\]]+\] 匠桥: .*R-0002.*\[1:接受\]/);

    // The first offer's next step (its reminder, which then schedules the expiry) and the daily digest are
    // scheduled again.
    const timeouts = new Queue("offer-timeout", { connection: redisOptions(redis.url), prefix });
    const digest = new Queue("digest", { connection: redisOptions(redis.url), prefix });
    try {
      const delayed = await eventually(async () => {
        const ids = (await timeouts.getDelayed()).map((job) => job.id ?? "");
        return ids.some((id) => id.endsWith(`remind-${firstOffer.id}`)) && ids;
      });
      expect(delayed.some((id) => id.endsWith(`expire-${firstOffer.id}`))).toBe(false);
      // The scheduler is upserted beside the rest of the recovery, not after it: wait for it, then count.
      await eventually(async () => (await digest.getJobSchedulersCount()) > 0);
      expect(await digest.getJobSchedulersCount()).toBe(1);
    } finally {
      await timeouts.close();
      await digest.close();
    }
    // No request is left open or matching without an offer on its way.
    await eventually(
      async () => (await db.helpRequest.count({ where: { status: { in: ["open", "matching"] } } })) === 0,
    );
    expect((await db.helpRequest.findUniqueOrThrow({ where: { id: during.id } })).status).toBe("offered");
    await eventually(async () => (await db.outboundMessage.count({ where: { status: { not: "sent" } } })) === 0);
  });
});
