// The daily digest reaches each staff member, and the staff chat of DIGEST_CHAT, once a day, however often
// the run fires, on however many workers, and across a restart; the scheduler is upserted at every start
// and never doubled.
import { Queue } from "bullmq";
import { afterEach, describe, expect, it } from "vitest";
import { dayOf } from "../../core/calendar.ts";
import { digestChatId, sendChatDigest } from "../../jobs/digest/digest-chat.ts";
import { digestQueue, sendDailyDigest } from "../../jobs/digest/digest-job.ts";
import { digestKey } from "../../jobs/digest/digest-once.ts";
import { redisOptions } from "../../jobs/redis-connection.ts";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

let bots: TestBot[] = [];
afterEach(async () => {
  // The first bot owns the folder: the others only stop their processes.
  const [first, ...others] = bots;
  for (const other of others) await other.crash().catch(() => undefined);
  await first?.stop().catch(() => undefined);
  bots = [];
});

async function schedulers(b: TestBot) {
  const queue = new Queue(digestQueue, {
    connection: redisOptions(b.app.redis.url),
    prefix: b.app.services.config.QUEUE_PREFIX,
  });
  try {
    return await queue.getJobSchedulers();
  } finally {
    await queue.close();
  }
}

const isDigest = (line: string) => line.startsWith("[dm:工会小陈] 匠桥: 📋 匠桥日报");
const isChatDigest = (line: string) => line.startsWith("[工会工作群] 匠桥: 📋 匠桥日报");
const env = { DEMO_DATA: "false", DIGEST_CHAT: "terminal:工会工作群" };

describe("the daily digest", () => {
  it("reaches each staff member and the staff chat once a day, with two workers, repeated runs and a restart", async () => {
    const a = await startTestBot(env);
    bots.push(a);
    await a.run(["/as 工会小陈", "/in dm", "/stats"]);
    const staff = await a.app.services.db.person.findFirstOrThrow({ where: { displayName: "工会小陈" } });
    const day = dayOf(new Date());
    const resume = {
      dir: a.dir,
      prefix: a.app.services.config.QUEUE_PREFIX,
    };
    const b = await startTestBot(env, { resume });
    bots.push(b);
    const chatId = (await digestChatId(a.app.services)) ?? "";

    // The run fires on both workers, twice each, while both also send directly.
    for (const worker of [a, b]) {
      await worker.app.jobs.add(digestQueue, { kind: "run", day }, { jobId: `run-1-${day}` });
      await worker.app.jobs.add(digestQueue, { kind: "run", day }, { jobId: `run-2-${day}` });
    }
    const direct = await Promise.all([
      sendDailyDigest(a.app.services, staff.id, day),
      sendDailyDigest(b.app.services, staff.id, day),
      sendChatDigest(a.app.services, chatId, day),
      sendChatDigest(b.app.services, chatId, day),
    ]);
    for (const result of direct) expect(["sent", "sent-after-claim", "already-sent"]).toContain(result);
    await Promise.all([a.app.waitUntilIdle(), b.app.waitUntilIdle()]);

    // A restart runs it again.
    await b.crash();
    bots.pop();
    const c = await startTestBot(env, { resume });
    bots.push(c);
    await c.app.jobs.add(digestQueue, { kind: "run", day }, { jobId: `run-3-${day}` });
    expect(await sendDailyDigest(c.app.services, staff.id, day)).toBe("already-sent");
    expect(await sendChatDigest(c.app.services, chatId, day)).toBe("already-sent");
    await c.app.waitUntilIdle();

    const printed = [...a.output(), ...b.output(), ...c.output()];
    expect(printed.filter(isDigest)).toHaveLength(1);
    expect(printed.filter(isChatDigest)).toHaveLength(1);
    const { db } = c.app.services;
    expect(await db.digestRun.count({ where: { personId: staff.id, day } })).toBe(1);
    expect(await db.digestRun.count({ where: { chatId, day } })).toBe(1);
    expect(await db.outboundMessage.count({ where: { key: digestKey({ personId: staff.id }, day) } })).toBe(1);
    expect(await db.outboundMessage.count({ where: { key: digestKey({ chatId }, day) } })).toBe(1);
  });

  it("has one scheduler at DIGEST_TIME in Asia/Shanghai, upserted at every start", async () => {
    const a = await startTestBot({ DEMO_DATA: "false" });
    bots.push(a);
    const resume = {
      dir: a.dir,
      prefix: a.app.services.config.QUEUE_PREFIX,
    };
    expect(await schedulers(a)).toMatchObject([{ pattern: "30 8 * * *", tz: "Asia/Shanghai" }]);
    const b = await startTestBot({ DEMO_DATA: "false", DIGEST_TIME: "07:05" }, { resume });
    bots.push(b);
    expect(await schedulers(b)).toMatchObject([{ pattern: "5 7 * * *", tz: "Asia/Shanghai" }]);
  });
});
