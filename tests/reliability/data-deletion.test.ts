// An expert asks the bot to delete their data: a confirmation, then profile, contact and identities go,
// the open offer is withdrawn and passed on, and the act is on the request's timeline and told to staff.
import { afterEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

describe("deleting one's data", () => {
  it("asks for confirmation, then erases the expert, withdraws the offer and records it", async () => {
    bot = await startTestBot();
    const { db } = bot.app.services;
    await bot.run(["/as 工会小陈", "/in dm", "/requests"]);
    await bot.run([
      "/in 东莞制造企业群",
      "/as 东莞精工科技-王经理",
      "@匠桥 我们厂在东莞，数控加工的薄壁件变形严重，想请专家下周来现场指导",
    ]);
    const offer = await db.match.findFirstOrThrow({ where: { status: "offered" }, include: { expert: true } });
    const expert = offer.expert;
    expect(expert.phone).toBeTruthy();

    const asked = await bot.run([`/as ${expert.name}`, "/in dm", "删除我的信息"]);
    expect(asked.join("\n")).toContain("确认注销");
    // Anything but the confirmation cancels.
    expect((await bot.say("算了")).join("\n")).toContain("已取消");
    expect((await db.expert.findUniqueOrThrow({ where: { id: expert.id } })).name).toBe(expert.name);

    await bot.say("删除我的信息");
    const done = await bot.say("确认注销");
    expect(done.join("\n")).toContain("已删除您的个人信息");

    const erased = await db.expert.findUniqueOrThrow({ where: { id: expert.id } });
    expect(erased).toMatchObject({ name: "（已注销）", phone: null, employer: "", achievements: "", active: false });
    expect(erased.honours).toBe("[]");
    const person = await db.person.findUniqueOrThrow({ where: { expertId: expert.id } });
    expect(person).toMatchObject({ displayName: "（已注销）", phone: null });
    expect(await db.identity.count({ where: { personId: person.id } })).toBe(0);
    expect(await db.availability.count({ where: { expertId: expert.id } })).toBe(0);
    expect((await db.match.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("withdrawn");
    expect(await db.requestEvent.count({ where: { requestId: offer.requestId, type: "personal_data_erased" } })).toBe(
      1,
    );
    // No message kept anywhere still carries the erased number.
    const withPhone = await db.outboundMessage.count({ where: { payload: { contains: expert.phone ?? "" } } });
    expect(withPhone).toBe(0);
    // The request moves on to another expert, and staff are told.
    await bot.app.waitUntilIdle();
    const next = await db.match.findFirst({ where: { requestId: offer.requestId, status: "offered" } });
    expect(next?.expertId).toBeDefined();
    expect(next?.expertId).not.toBe(expert.id);
    expect(bot.output().some((line) => line.startsWith("[dm:工会小陈]") && line.includes("注销个人信息"))).toBe(true);
    // The request's timeline says it in words, not as a raw event name.
    const { code } = await db.helpRequest.findUniqueOrThrow({ where: { id: offer.requestId } });
    const timeline = (await bot.run(["/as 工会小陈", "/in dm", `/request ${code}`])).join("\n");
    expect(timeline).toContain("当事人按本人要求注销了个人信息");
  });

  it("is refused in a group, so nobody's data is discussed in public", async () => {
    bot = await startTestBot();
    const out = await bot.run(["/in 东莞制造企业群", "/as 王经理", "@匠桥 删除我的信息"]);
    expect(out).toEqual(["[东莞制造企业群] 匠桥: 为保护个人信息，注销请私聊我发送「删除我的信息」。"]);
  });
});
