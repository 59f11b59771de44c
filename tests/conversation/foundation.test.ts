// The foundation conversation: an enterprise asks in a group, the best expert gets a private offer,
// accepting introduces both sides; declining passes the offer on. Real SQLite, Redis and BullMQ.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

const ask = "@匠桥 我们厂在东莞，数控加工的薄壁件变形严重，想请专家下周来现场指导";
const group = "东莞制造企业群";
const manager = "东莞精工科技-王经理";
const phone = /1[3-9]\d{9}/;

/** The name of the expert a `[dm:NAME]` offer line was sent to. */
function offeredExpert(lines: string[]): string {
  const offer = lines.find((line) => line.startsWith("[dm:") && line.includes("[1:接受]"));
  expect(offer, `an offer card in ${JSON.stringify(lines)}`).toBeDefined();
  return /^\[dm:([^\]]+)\]/.exec(offer ?? "")?.[1] ?? "";
}

describe("a help request in a group chat", () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(async () => {
    await bot.stop();
  });

  it("is registered with a code, offered privately to an expert, and introduced once accepted", async () => {
    const lines = await bot.run([`/in ${group}`, `/as ${manager}`, ask]);
    const ack = lines.find((line) => line.startsWith(`[${group}] 匠桥: 已登记需求 R-0001`));
    expect(ack, lines.join("\n")).toBeDefined();
    expect(ack).toContain("东莞");
    expect(ack).toContain("现场");
    const expert = offeredExpert(lines);
    const offer = lines.find((line) => line.startsWith(`[dm:${expert}]`)) ?? "";
    expect(offer).toContain("R-0001");
    expect(offer).toMatch(/\[1:接受\] \[2:婉拒\] \[3:稍后再说\]$/);
    // The group sees the acknowledgement only: no offer, no phone number.
    expect(lines.filter((line) => line.startsWith(`[${group}]`))).toHaveLength(1);

    const answer = await bot.run([`/as ${expert}`, "/in dm", "接受 R-0001"]);
    const intro = answer.find((line) => line.startsWith(`[${group}] 匠桥: 好消息`));
    expect(intro, answer.join("\n")).toContain(expert);
    expect(intro).not.toMatch(phone);
    const toManager = answer.find((line) => line.startsWith(`[dm:${manager}]`));
    expect(toManager).toContain(expert);
    expect(toManager).toMatch(phone);
    expect(answer.some((line) => line.startsWith(`[dm:${expert}]`) && line.includes("R-0001"))).toBe(true);
    for (const line of bot.output().filter((printed) => printed.startsWith(`[${group}]`)))
      expect(line).not.toMatch(phone);

    // Answering again changes nothing and says so.
    const again = await bot.say("接受 R-0001");
    expect(again.join("\n")).toContain("已经处理过了");
  });

  it("accepts by pressing the card's button", async () => {
    const lines = await bot.run([`/in ${group}`, `/as ${manager}`, ask]);
    const expert = offeredExpert(lines);
    const pressed = await bot.run([`/as ${expert}`, "/in dm", "/press 1"]);
    expect(pressed.some((line) => line.startsWith(`[${group}] 匠桥: 好消息`))).toBe(true);
  });

  it("passes the request to the next expert when the first declines", async () => {
    const lines = await bot.run([`/in ${group}`, `/as ${manager}`, ask]);
    const first = offeredExpert(lines);
    const declined = await bot.run([`/as ${first}`, "/in dm", "这次不方便，婉拒 R-0001"]);
    expect(declined.some((line) => line.startsWith(`[dm:${first}]`) && line.includes("婉拒了 R-0001"))).toBe(true);
    const second = offeredExpert(declined);
    expect(second).not.toBe(first);
    // Nothing reached the group yet: the enterprise waits for a yes.
    expect(declined.some((line) => line.startsWith(`[${group}]`))).toBe(false);
  });

  it("lets nobody but the expert press the offer's buttons", async () => {
    await bot.run([`/in ${group}`, `/as ${manager}`, ask]);
    const pressed = await bot.run(["/in dm", "/press 1"]);
    expect(pressed.join("\n")).toMatch(/没有可以点击|其他人/);
    expect(bot.output().some((line) => line.includes("好消息"))).toBe(false);
  });
});

describe("an expert's availability", () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(async () => {
    await bot.stop();
  });

  it("is stored as slots and confirmed in words", async () => {
    const expert = await bot.app.services.db.expert.findFirstOrThrow({ where: { isDemo: true } });
    const lines = await bot.run([`/as ${expert.name}`, "/in dm", "我周二、周四下午有空，可以远程"]);
    expect(lines.join("\n")).toMatch(/已记录.*周二 14:00-18:00.*周四 14:00-18:00.*远程/);
    const slots = await bot.app.services.db.availability.findMany({ where: { expertId: expert.id } });
    expect(slots.map((slot) => slot.weekday).sort()).toEqual([2, 4]);
  });

  it("is refused politely to someone who is not an expert", async () => {
    const lines = await bot.run(["/as 路人甲", "/in dm", "我周二下午有空"]);
    expect(lines.join("\n")).toContain("劳模工匠的功能");
  });
});

describe("help and bad input", () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(async () => {
    await bot.stop();
  });

  it("explains itself in the speaker's language", async () => {
    expect((await bot.say("帮助")).join("\n")).toContain("劳模工匠");
    expect((await bot.say("help")).join("\n")).toMatch(/master craftsm/);
  });

  it("answers every odd input politely and stores nothing half-written", async () => {
    const answers = await bot.run([
      "",
      "👍👍🎉",
      "字".repeat(20_000),
      "/frobnicate",
      "/press 1",
      "婉拒 R-9999",
      "/stats",
    ]);
    expect(answers).toHaveLength(7);
    for (const line of answers) expect(line).toMatch(/^\[dm:访客\] 匠桥: \S/);
    expect(answers[2]).toContain("太长");
    expect(answers[3]).toContain("/frobnicate");
    expect(answers[4]).toContain("没有可以点击");
    expect(answers[5]).toContain("R-9999");
    expect(answers[6]).toContain("工作人员");
    expect(await bot.app.services.db.helpRequest.count()).toBe(0);
  });

  it("gives staff their figures", async () => {
    const lines = await bot.run(["/as 工会小陈", "/stats"]);
    expect(lines.join("\n")).toMatch(/专家 \d+ 位/);
  });
});
