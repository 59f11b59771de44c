// Who may touch a request, and what a group may see (issue 15, items 6-9): a group never sees a
// phone number, staff commands typed in a group are answered privately, only the requester and staff
// change or cancel a request, and a request code that does not parse never falls back to another one.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

const group = "东莞制造企业群";
const manager = "东莞精工科技-王经理";
const otherManager = "惠州宏达注塑-李厂长";
const phone = /1[3-9]\d{9}/;
const ask = "@匠桥 我们厂在东莞，数控加工的薄壁件变形严重，想请专家下周来现场指导，联系电话13812345678";

describe("in a busy group", () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(async () => {
    await bot.stop();
  });

  const groupLines = () => bot.output().filter((line) => line.startsWith(`[${group}]`));
  const statusOf = async (code: string) =>
    (await bot.app.services.db.helpRequest.findUniqueOrThrow({ where: { code } })).status;

  it("staff commands typed in the group are answered privately, and the group never sees a phone", async () => {
    await bot.run([`/in ${group}`, `/as ${manager}`, ask]);
    const lines = await bot.run(["/as 工会小陈", "/requests", "/request R-0001"]);
    const inGroup = lines.filter((line) => line.startsWith(`[${group}]`));
    // One short note in the group that the answer went privately; the answers themselves in the DM.
    expect(inGroup.length, lines.join("\n")).toBeGreaterThan(0);
    for (const line of inGroup) {
      expect(line).not.toContain("R-0001 ");
      expect(line).not.toContain("薄壁件");
    }
    const private_ = lines.filter((line) => line.startsWith("[dm:工会小陈]"));
    expect(private_.join("\n")).toContain("R-0001");
    for (const line of groupLines()) expect(line).not.toMatch(phone);
  });

  it("an expert who gives a new phone number in the group does not see it echoed there", async () => {
    await bot.run([`/in ${group}`, "/as 陈志强", "@匠桥 我的电话改成13911112222"]);
    for (const line of groupLines()) expect(line).not.toMatch(phone);
  });

  it("only the requester and staff may change or cancel a request", async () => {
    await bot.run([`/in ${group}`, `/as ${manager}`, ask]);
    const byExpert = await bot.run(["/as 陈志强", "@匠桥 R-0001 改成远程", "@匠桥 R-0001 取消"]);
    expect(byExpert.join("\n")).not.toContain("已取消");
    expect(byExpert.join("\n")).not.toContain("已更新需求");
    expect(await statusOf("R-0001")).not.toBe("cancelled");
    const byOther = await bot.run([`/as ${otherManager}`, "@匠桥 R-0001 取消"]);
    expect(byOther.join("\n")).not.toContain("已取消");
    expect(await statusOf("R-0001")).not.toBe("cancelled");
    // The requester may.
    const byOwner = await bot.run([`/as ${manager}`, "@匠桥 R-0001 取消"]);
    expect(byOwner.join("\n")).toMatch(/取消/);
    expect(await statusOf("R-0001")).toBe("cancelled");
  });

  it("a code that does not parse never cancels the speaker's latest request", async () => {
    await bot.run([`/in ${group}`, `/as ${manager}`, ask]);
    for (const line of ["@匠桥 R1 取消", "@匠桥 R-0 取消", "@匠桥 R-99999999999 取消"]) {
      const answer = await bot.say(line);
      expect(answer.length, line).toBeGreaterThan(0);
      expect(await statusOf("R-0001")).not.toBe("cancelled");
    }
  });
});
