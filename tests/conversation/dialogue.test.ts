// The short dialogue around a request: questions only for what matters, corrections by code,
// drafts that expire politely, and answers in the speaker's language.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

const group = "佛山企业服务群";

describe("dialogue about a request", () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot({ DRAFT_TIMEOUT_MINUTES: "0.03" });
  });
  afterEach(async () => {
    await bot.stop();
  });

  it("asks for the city of an on-site request, then matches once it is given", async () => {
    const asked = await bot.run([
      `/in ${group}`,
      "/as 陶瓷厂-周工",
      "@匠桥 我们的注塑机做的件有缩痕和飞边，想请师傅上门看看",
    ]);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/^\[佛山企业服务群\] 匠桥: 已登记需求 R-0001。请问贵单位在哪个城市？/);
    const answered = await bot.say("在佛山顺德");
    expect(answered[0]).toMatch(/已登记需求 R-0001。我理解为：.*佛山/);
    expect(answered.some((line) => line.startsWith("[dm:") && line.includes("R-0001"))).toBe(true);
  });

  it("asks what the problem is when nothing recognisable was said", async () => {
    const asked = await bot.run([`/in ${group}`, "/as 某厂-小李", "@匠桥 求助"]);
    expect(asked[0]).toContain("请简单说说遇到的技术问题");
  });

  it("lets a draft nobody completes expire politely", async () => {
    await bot.run([`/in ${group}`, "/as 某厂-小王", "@匠桥 我们厂的回流焊有虚焊，想请专家来看看"]);
    await bot.waitFor(/^\[佛山企业服务群\] 匠桥: 需求 R-0001 一直没有补充信息，已先关闭/, 10_000);
    expect((await bot.app.services.db.helpRequest.findUniqueOrThrow({ where: { code: "R-0001" } })).status).toBe(
      "expired",
    );
  });

  it("keeps two requests of one chat apart and corrects the one named by code", async () => {
    await bot.run([
      `/in ${group}`,
      "/as 佛山家电-陈经理",
      "@匠桥 我们在佛山，空调制冷系统调试有问题，请专家来现场",
      "@匠桥 另外我们佛山厂的PLC程序经常报警停机，也想请专家来现场",
    ]);
    const corrected = await bot.say("@匠桥 R-0002 改成远程");
    expect(corrected[0]).toMatch(/^\[佛山企业服务群\] 匠桥: 已更新需求 R-0002：.*远程/);
    const { db } = bot.app.services;
    expect((await db.helpRequest.findUniqueOrThrow({ where: { code: "R-0002" } })).mode).toBe("remote");
    expect((await db.helpRequest.findUniqueOrThrow({ where: { code: "R-0001" } })).mode).toBe("onsite");
  });

  it("takes a correction of the city and matches again", async () => {
    await bot.run([`/in ${group}`, "/as 某厂-赵工", "@匠桥 我们厂在东莞，数控加工的薄壁件变形，想请专家来现场"]);
    const corrected = await bot.say("@匠桥 不是东莞，是惠州");
    expect(corrected[0]).toMatch(/已更新需求 R-0001：.*惠州/);
    expect((await bot.app.services.db.helpRequest.findUniqueOrThrow({ where: { code: "R-0001" } })).city).toBe("惠州");
  });

  it("answers in English to someone who writes in English", async () => {
    const lines = await bot.run([
      `/in ${group}`,
      "/as Foshan Steel - Mr Li",
      "@匠桥 Our plant in Foshan has porosity in stainless steel welds, remote help is fine",
    ]);
    expect(lines[0]).toMatch(/^\[佛山企业服务群\] 匠桥: Request R-0001 registered\. I understood: .*Foshan/);
    expect(lines[0]).toContain("remote");
  });

  it("stays quiet about chatter in a group that does not address it", async () => {
    expect(await bot.run([`/in ${group}`, "/as 路人", "哈哈收到", "明天开会别忘了", "👍"])).toEqual([]);
  });
});
