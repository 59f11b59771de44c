// The one outbound path: a message is an outbox row plus a deliver job, and is sent once however often
// it is requested or its job runs.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Adapter, OutgoingMessage, Target } from "../../core/messages.ts";
import { deliverJob } from "../../jobs/deliver.ts";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

describe("outbound messages", () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(async () => {
    await bot.stop();
  });

  it("are sent once for one key, however often they are requested", async () => {
    const { send } = bot.app.services;
    const message: OutgoingMessage = { kind: "text", text: "一次就好" };
    const target: Target = { platform: "terminal", kind: "chat", id: "测试群" };
    for (let i = 0; i < 5; i++) await send({ key: "same-key", target, message });
    await bot.app.waitUntilIdle();
    expect(bot.output().filter((line) => line.includes("一次就好"))).toEqual(["[测试群] 匠桥: 一次就好"]);
    const row = await bot.app.services.db.outboundMessage.findUniqueOrThrow({ where: { key: "same-key" } });
    expect(row.status).toBe("sent");
  });

  it("are not sent again when a deliver job is retried after success", async () => {
    const sent: string[] = [];
    const adapter: Adapter = {
      platform: "terminal",
      start: async () => undefined,
      stop: async () => undefined,
      send: async (_target, message) => {
        sent.push(message.kind === "text" ? message.text : "");
      },
    };
    const { db } = bot.app.services;
    const row = await db.outboundMessage.create({
      data: {
        key: "retry-key",
        platform: "terminal",
        targetKind: "chat",
        targetId: "测试群",
        payload: JSON.stringify({ kind: "text", text: "重试" }),
      },
    });
    const job = deliverJob(db, adapter);
    const fakeJob = { opts: { attempts: 5 } } as Parameters<typeof job.process>[1];
    expect(await job.process({ outboxId: row.id }, fakeJob)).toBe("sent");
    expect(await job.process({ outboxId: row.id }, fakeJob)).toBe("already-sent");
    expect(sent).toEqual(["重试"]);
  });

  it("record a failure and are retried when the platform fails", async () => {
    const adapter: Adapter = {
      platform: "terminal",
      start: async () => undefined,
      stop: async () => undefined,
      send: async () => {
        throw new Error("platform down");
      },
    };
    const { db } = bot.app.services;
    const row = await db.outboundMessage.create({
      data: {
        key: "fail-key",
        platform: "terminal",
        targetKind: "chat",
        targetId: "测试群",
        payload: JSON.stringify({ kind: "text", text: "x" }),
      },
    });
    const job = deliverJob(db, adapter);
    const first = { opts: { attempts: 2 } } as Parameters<typeof job.process>[1];
    await expect(job.process({ outboxId: row.id }, first)).rejects.toThrow("platform down");
    expect((await db.outboundMessage.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("pending");
    await expect(job.process({ outboxId: row.id }, first)).rejects.toThrow("platform down");
    const failed = await db.outboundMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(failed.status).toBe("failed");
    expect(failed.error).toContain("platform down");
  });
});

describe("inbound messages", () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(async () => {
    await bot.stop();
  });

  it("delivered five times are handled once", async () => {
    const message = {
      platform: "terminal" as const,
      messageId: "lark-retry-1",
      chatId: "东莞制造企业群",
      chatKind: "group" as const,
      senderId: "王经理",
      senderName: "王经理",
      text: "@匠桥 我们厂在东莞，注塑件有缩痕和飞边，想请专家来现场看看",
      mentionsBot: true,
      receivedAt: new Date(),
    };
    await Promise.all(Array.from({ length: 5 }, () => bot.app.dispatch(message)));
    await bot.app.waitUntilIdle();
    expect(await bot.app.services.db.helpRequest.count()).toBe(1);
    expect(bot.output().filter((line) => line.includes("已登记需求"))).toHaveLength(1);
  });
});
