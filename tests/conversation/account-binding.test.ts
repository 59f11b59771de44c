// Staff link another account of a person to an expert's profile with a one-time code.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

describe("linking an account to an expert", () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(async () => {
    await bot.stop();
  });

  it("makes the account speak as the expert after it sends the code staff got", async () => {
    const expert = await bot.app.services.db.expert.findFirstOrThrow({ where: { externalId: "D001" } });
    const issued = await bot.run(["/as 工会小陈", "/in dm", "/bind D001"]);
    const code = /绑定 (\d{6})/.exec(issued.join("\n"))?.[1];
    expect(code, issued.join("\n")).toBeDefined();
    expect(issued[0]).toMatch(/^\[dm:工会小陈\] 匠桥: 请让.*给我发送：绑定 \d{6}/);

    const linked = await bot.run(["/as 另一个账号", "/in dm", `绑定 ${code}`]);
    expect(linked.join("\n")).toContain(`已与专家档案“${expert.name}”关联`);
    const saved = await bot.say("我周三上午有空，可以远程");
    expect(saved.join("\n")).toContain("已记录您的服务时间");
    expect(await bot.app.services.db.availability.count({ where: { expertId: expert.id } })).toBe(1);

    // The code works once.
    const again = await bot.run(["/as 第三个账号", `绑定 ${code}`]);
    expect(again.join("\n")).toContain("无效或已过期");
  });

  it("is a staff command", async () => {
    const refused = await bot.run(["/as 路人", "/bind D001"]);
    expect(refused.join("\n")).toContain("仅供工会工作人员使用");
  });
});
