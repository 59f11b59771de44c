// The daily digest reaches each staff member once a day, however often the run fires, on however many
// workers, and across a restart; the scheduler is upserted at every start and never doubled.
import { Queue } from "bullmq";
import { afterEach, describe, expect, it } from "vitest";
import { digestKey, digestQueue, sendDailyDigest } from "../../jobs/digest/digest-job.ts";
import { shanghaiDay } from "../../jobs/digest/digest-period.ts";
import { redisOptions } from "../../jobs/job-system.ts";
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

describe("the daily digest", () => {
  it("is sent once per staff member and day, with two workers, repeated runs and a restart", async () => {
    const a = await startTestBot({ DEMO_DATA: "false" });
    bots.push(a);
    await a.run(["/as 工会小陈", "/in dm", "/stats"]);
    const staff = await a.app.services.db.person.findFirstOrThrow({ where: { displayName: "工会小陈" } });
    const day = shanghaiDay(new Date());
    const resume = {
      dir: a.app.services.config.DATABASE_URL.slice(5).replace(/\/test\.db$/, ""),
      prefix: a.app.services.config.QUEUE_PREFIX,
    };
    const b = await startTestBot({ DEMO_DATA: "false" }, { resume });
    bots.push(b);

    // The run fires on both workers, twice each, while both also send directly.
    for (const worker of [a, b]) {
      await worker.app.services.enqueue(digestQueue, { kind: "run", day }, { jobId: `run-1-${day}` });
      await worker.app.services.enqueue(digestQueue, { kind: "run", day }, { jobId: `run-2-${day}` });
    }
    const direct = await Promise.all([
      sendDailyDigest(a.app.services, staff.id, day),
      sendDailyDigest(b.app.services, staff.id, day),
    ]);
    for (const result of direct) expect(["sent", "sent-after-claim", "already-sent"]).toContain(result);
    await Promise.all([a.app.waitUntilIdle(), b.app.waitUntilIdle()]);

    // A restart runs it again.
    await b.crash();
    bots.pop();
    const c = await startTestBot({ DEMO_DATA: "false" }, { resume });
    bots.push(c);
    await c.app.services.enqueue(digestQueue, { kind: "run", day }, { jobId: `run-3-${day}` });
    expect(await sendDailyDigest(c.app.services, staff.id, day)).toBe("already-sent");
    await c.app.waitUntilIdle();

    const printed = [...a.output(), ...b.output(), ...c.output()].filter(isDigest);
    expect(printed).toHaveLength(1);
    const { db } = c.app.services;
    expect(await db.digestRun.count({ where: { personId: staff.id, day } })).toBe(1);
    expect(await db.outboundMessage.count({ where: { key: digestKey(staff.id, day) } })).toBe(1);
  });

  it("has one scheduler at DIGEST_TIME in Asia/Shanghai, upserted at every start", async () => {
    const a = await startTestBot({ DEMO_DATA: "false" });
    bots.push(a);
    const resume = {
      dir: a.app.services.config.DATABASE_URL.slice(5).replace(/\/test\.db$/, ""),
      prefix: a.app.services.config.QUEUE_PREFIX,
    };
    expect(await schedulers(a)).toMatchObject([{ pattern: "30 8 * * *", tz: "Asia/Shanghai" }]);
    const b = await startTestBot({ DEMO_DATA: "false", DIGEST_TIME: "07:05" }, { resume });
    bots.push(b);
    expect(await schedulers(b)).toMatchObject([{ pattern: "5 7 * * *", tz: "Asia/Shanghai" }]);
  });

  it("gives a team leader only their service team, and English readers English", async () => {
    const b = await startTestBot();
    bots.push(b);
    await b.run([
      "/in 东莞制造企业群",
      "/as 东莞精工科技-王经理",
      "@匠桥 我们厂在东莞，数控加工的薄壁件变形严重，想请专家下周来现场指导",
    ]);
    const { db } = b.app.services;
    const leader = await db.person.create({
      data: { displayName: "机器人队-老李", role: "team_leader", staffTeamKey: "robotics" },
    });
    const reader = await db.person.create({ data: { displayName: "Staff-Anna", role: "staff", locale: "en" } });
    const day = shanghaiDay(new Date());
    await sendDailyDigest(b.app.services, leader.id, day);
    await sendDailyDigest(b.app.services, reader.id, day);
    await b.app.waitUntilIdle();
    const leaderDigest = b.output().find((line) => line.startsWith("[dm:机器人队-老李] 匠桥: 📋")) ?? "";
    expect(leaderDigest).toContain(" · 智能机器人");
    expect(leaderDigest).toContain("本时段没有新动态。");
    const english = b.output().find((line) => line.startsWith("[dm:Staff-Anna] 匠桥: 📋")) ?? "";
    expect(english).toContain("New requests: 1 — Precision Manufacturing 1 (Dongguan 1)");
    expect(english).toContain("· Precision Manufacturing: 1 new, 0 introduced, 0 waiting");
    expect(b.output().some((line) => line.startsWith("[dm:Staff-Anna]") && line.includes("-en.png]"))).toBe(true);
  });
});
