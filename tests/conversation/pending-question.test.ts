// While the bot waits for an answer (issue 13 §2): the question does not swallow everything. A request code, a
// cancel or a correction wins; emoji, links and pictures are no answer; after two failed answers the bot explains
// or goes on and tells staff; a request that names no problem asks for it and the next message completes the
// same request; a second request keeps the city of the first; corrections in English and Cantonese count.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

const group = "珠三角制造交流群";
const staff = "[dm:工会小陈]";

describe("a pending question in a busy group", () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(async () => {
    await bot.stop();
  });

  const request = (code: string) => bot.app.services.db.helpRequest.findUniqueOrThrow({ where: { code } });
  const asked = (lines: string[]) => lines.filter((line) => /请问贵单位在哪个城市/.test(line)).length;

  it("lets a request code, a status question and a cancel win over the city question", async () => {
    await bot.run([`/in ${group}`, "/as 五金厂-梁生", "@匠桥 冲压模具老是崩刃，想请师傅视频指导一下"]);
    const asking = await bot.say("@匠桥 我们的空压机漏气严重，也想请师傅上门处理");
    expect(asking.join("\n")).toMatch(/R-0002.*哪个城市/);

    const corrected = await bot.say("R-0001 时间改到下周三");
    expect(corrected.join("\n")).toMatch(/已更新需求 R-0001：/);
    expect((await request("R-0001")).windowStart).not.toBeNull();
    const status = await bot.say("R-0001");
    expect(status.join("\n")).toContain("R-0001");
    expect(asked(status)).toBe(0);

    const cancelled = await bot.say("唔使了，我哋自己搞掂");
    expect(cancelled.join("\n")).toContain("R-0002 已取消");
    expect((await request("R-0002")).status).toBe("cancelled");
    expect((await request("R-0001")).status).not.toBe("cancelled");
  });

  it("takes no emoji, link or picture for an answer, asks again once, then goes on and tells staff", async () => {
    await bot.run([`/in ${group}`, "/as 包装厂-韦主任", "@匠桥 我们的纸箱印刷机套色不准，想请专家来厂里调一下"]);
    expect(await bot.run(["👌", "https://mp.weixin.qq.com/s/xyz", "[图片]", "[动画表情]"])).toEqual([]);

    const again = await bot.say("等我问问厂长");
    expect(again.join("\n")).toMatch(/R-0001 还差一项.*城市/);
    const goesOn = await bot.say("厂长开会去了");
    expect(goesOn.join("\n")).toMatch(/R-0001 先不限地点继续匹配/);
    expect(
      goesOn.some((line) => line.startsWith(staff) && line.includes("R-0001")),
      goesOn.join("\n"),
    ).toBe(true);
    expect(asked(bot.output())).toBe(1);
    expect((await request("R-0001")).status).not.toBe("draft");
    expect(await bot.run(["哈哈好的"])).toEqual([]);
  });

  it("explains that the programme serves Guangdong when the enterprise is in another province", async () => {
    await bot.run([`/in ${group}`, "/as 赣州电机厂-钟工", "@匠桥 我们电机绕线老是断线，想请师傅上门指导"]);
    const answer = await bot.say("我们厂在江西赣州");
    expect(answer.join("\n")).toContain("广东省内的企业");
    expect(answer.some((line) => line.startsWith(staff) && line.includes("R-0001"))).toBe(true);
    expect((await request("R-0001")).status).toBe("closed");
    expect(asked(answer)).toBe(0);
  });

  it("asks for the problem of a request that names none, and completes the same request with the next line", async () => {
    const first = await bot.run([
      `/in ${group}`,
      "/as 顺德家具厂-区总",
      "@匠桥 各位好，我们是佛山顺德的一家小厂，想请个师傅来厂里帮帮忙",
    ]);
    expect(first.join("\n")).toMatch(/R-0001。请简单说说遇到的技术问题/);
    expect(first.some((line) => line.startsWith("[dm:"))).toBe(false);

    const completed = await bot.say("封边机封的板老是开胶，返工很多");
    expect(completed.join("\n")).toMatch(/已登记需求 R-0001。我理解为：.*佛山顺德/);
    expect(await bot.app.services.db.helpRequest.count()).toBe(1);
    expect((await request("R-0001")).text).toContain("开胶");
  });

  it("keeps the city of the same person's earlier request and says so", async () => {
    await bot.run([`/in ${group}`, "/as 惠州电池厂-何经理", "@匠桥 我们在惠州仲恺，电芯焊接虚焊多，想请专家来现场"]);
    const second = await bot.say("@匠桥 还有一个事，涂布机的涂层厚度不均，也想请师傅上门看看");
    expect(second.join("\n")).toMatch(/已登记需求 R-0002。我理解为：.*惠州/);
    expect(second.join("\n")).toContain("仍按惠州仲恺登记");
    expect(asked(second)).toBe(0);
    expect((await request("R-0002")).city).toBe("惠州");
  });

  it("understands corrections in English and Cantonese from the person who asked, without an @", async () => {
    await bot.run([
      `/in ${group}`,
      "/as Shunde Plastics - Ms Ho",
      "@匠桥 Our plant is in Foshan, the blow moulding machine makes uneven bottle walls, please send someone on site",
    ]);
    expect(await bot.run(["/as 路人甲", "Actually we are in Zhaoqing, not Foshan"])).toEqual([]);
    const english = await bot.run(["/as Shunde Plastics - Ms Ho", "Sorry, actually we're in Zhaoqing, not Foshan"]);
    expect(english.join("\n")).toMatch(/Request R-0001 updated: .*Zhaoqing/);
    expect((await request("R-0001")).city).toBe("肇庆");

    await bot.run(["/as 鹤山五金-阿明", "@匠桥 我哋喺江门，啤机啤出嚟嘅件有披锋，想搵师傅上门睇睇"]);
    const cantonese = await bot.say("唔好意思搞错咗，其实系鹤山");
    expect(cantonese.join("\n")).toMatch(/已更新需求 R-0002：.*江门鹤山/);
    expect((await request("R-0002")).district).toBe("鹤山");
  });

  it("registers unrelated problems of one message as separate requests", async () => {
    const lines = await bot.run([
      `/in ${group}`,
      "/as 中山灯饰厂-罗生",
      "@匠桥 我们在中山古镇，LED灯珠焊接后经常死灯。还有一个，厂里的冷却塔能耗太高，想请专家来现场",
    ]);
    const text = lines.join("\n");
    expect(text).toMatch(/2 个不相关的问题/);
    expect(text).toMatch(/R-0001：/);
    expect(text).toMatch(/R-0002：/);
    const { db } = bot.app.services;
    const both = await db.helpRequest.findMany({ orderBy: { id: "asc" } });
    expect(both.map((request) => request.city)).toEqual(["中山", "中山"]);
    expect(both[0]?.skills).not.toEqual(both[1]?.skills);
  });

  it("suggests a change not made yet in the summary of a remote request", async () => {
    const lines = await bot.run([`/in ${group}`, "/as 电子厂-孔工", "@匠桥 我们的PLC程序经常死机，远程指导就行"]);
    expect(lines.join("\n")).toMatch(/R-0001 改成现场/);
  });
});
