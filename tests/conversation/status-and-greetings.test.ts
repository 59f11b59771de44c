// Questions about a request already made, and greetings, in a busy group (issue 13 §1): "R-0001 现在什么
// 进展？" gets who was invited and who accepted, "专家电话多少？" the contact privately once an expert has
// accepted, "你好" and "谢谢" a greeting and thanks back — and none of it becomes a new request.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

const group = "东莞制造企业群";
const manager = "东莞精工科技-王经理";
const ask = "@匠桥 我们厂在东莞，数控加工的薄壁件变形严重，想请专家下周来现场指导";
const phone = /1[3-9]\d{9}/;

describe("a requester asking how things stand", () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(async () => {
    await bot.stop();
  });

  const requestCount = async () => bot.app.services.db.helpRequest.count();

  it("hears who was invited, then gets the expert's phone privately once they accept", async () => {
    const asked = await bot.run([`/in ${group}`, `/as ${manager}`, ask]);
    const offer = asked.find((line) => line.startsWith("[dm:") && line.includes("[1:接受]")) ?? "";
    const expert = /^\[dm:([^\]]+)\]/.exec(offer)?.[1] ?? "";
    expect(expert, asked.join("\n")).not.toBe("");

    const progress = await bot.say("@匠桥 R-0001 现在什么进展？");
    expect(progress.join("\n")).toContain("R-0001");
    expect(progress.join("\n")).toContain(expert);
    const early = await bot.say("@匠桥 专家电话多少？");
    expect(early.join("\n")).toContain("接受邀请后");
    expect(await requestCount()).toBe(1);

    await bot.run([`/as ${expert}`, "/in dm", "接受 R-0001", `/as ${manager}`, `/in ${group}`]);
    const contact = await bot.say("@匠桥 专家电话多少？");
    expect(
      contact.some((line) => line.startsWith(`[dm:${manager}]`) && phone.test(line)),
      contact.join("\n"),
    ).toBe(true);
    for (const line of bot.output().filter((printed) => printed.startsWith(`[${group}]`)))
      expect(line).not.toMatch(phone);
    expect(await requestCount()).toBe(1);
  });

  it("is told only about their own request, in their own language", async () => {
    await bot.run([`/in ${group}`, `/as ${manager}`, ask]);
    const other = await bot.run(["/as 佛山某厂-李工", "@匠桥 R-0001 进展如何？"]);
    expect(other.join("\n")).toContain("不是您提交的");
    const english = await bot.run(["/as Foshan Steel - Mr Li", "@匠桥 any update on R-0001?"]);
    expect(english.join("\n")).toMatch(/not yours/);
    expect(await requestCount()).toBe(1);
  });

  it("is greeted and thanked back when speaking to the bot, and left alone otherwise", async () => {
    const hello = await bot.run([`/in ${group}`, `/as ${manager}`, "@匠桥 你好"]);
    expect(hello.join("\n")).toContain("您好");
    expect((await bot.say("@匠桥 谢谢！")).join("\n")).toContain("不客气");
    expect(await bot.run(["谢谢大家", "有人吗"])).toEqual([]);
    expect(await requestCount()).toBe(0);
  });

  it("greets an expert and a staff member with what each of them can do here", async () => {
    const expert = await bot.run(["/as 刘建华", "/in dm", "你好"]);
    expect(expert).toHaveLength(1);
    expect(expert[0]).toMatch(/^\[dm:刘建华\] 匠桥: 您好！.*私信邀请您.*什么时候有空/);
    expect(expert[0]).not.toContain("描述遇到的技术问题");
    const staff = await bot.run(["/as 工会小陈", "/in dm", "你好"]);
    expect(staff[0]).toMatch(/^\[dm:工会小陈\] 匠桥: 您好！.*\/help.*\/console/);
    expect(await requestCount()).toBe(0);
  });
});
