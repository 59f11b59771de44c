// Offers, introductions and staff steps as people read them (issue 13 §3, §5): "稍后" hears a real deadline, an
// enterprise with no phone is asked for one privately and the expert gets it, an introduced request is 已对接 (not
// 已结束) and staff can still assign or re-match it, bare staff commands get their usage, and English counts agree.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

const group = "东莞电子企业群";
const manager = "东莞某电子厂-钟主管";
const ask = "@匠桥 我们厂在东莞，回流焊后BGA虚焊比较多，想请专家来现场看看";
const staff = "工会小陈";

describe("offers, introductions and staff steps", () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot({ TERMINAL_STAFF: `${staff},Union Amy` });
  });
  afterEach(async () => {
    await bot.stop();
  });

  /** Registers the request and returns the name of the expert who got the offer. */
  async function offered(): Promise<string> {
    const lines = await bot.run([`/in ${group}`, `/as ${manager}`, ask]);
    const card = lines.find((line) => line.startsWith("[dm:") && line.includes("[1:接受]")) ?? "";
    const expert = /^\[dm:([^\]]+)\]/.exec(card)?.[1] ?? "";
    expect(expert, lines.join("\n")).not.toBe("");
    return expert;
  }

  it("tells an expert who answers later until when the offer stays open", async () => {
    const expert = await offered();
    const later = await bot.run([`/as ${expert}`, "/in dm", "稍后再说 R-0001"]);
    expect(later.join("\n")).toMatch(/R-0001 先为您保留到 \d{2}-\d{2} \d{2}:\d{2}/);
    expect(later.join("\n")).not.toContain("稍后再提醒您");
  });

  it("keeps the expert being asked when a correction leaves them fitting, and tells them what changed", async () => {
    const expert = await offered();
    const changed = await bot.say("@匠桥 R-0001 时间改到下周五");
    const text = changed.join("\n");
    expect(text).toMatch(/已更新需求 R-0001：/);
    expect(text).toContain(`专家${expert}仍然合适`);
    expect(changed.some((line) => line.startsWith(`[dm:${expert}]`) && line.includes("R-0001 有变化"))).toBe(true);
    expect(text).not.toContain("邀请已撤回");
    const asked = await bot.app.services.db.match.count({ where: { offeredAt: { not: null } } });
    expect(asked).toBe(1);
    const accepted = await bot.run([`/as ${expert}`, "/in dm", "接受 R-0001"]);
    expect(accepted.join("\n")).toContain("感谢您接受 R-0001");
  });

  it("asks an enterprise with no phone for one privately and passes it to the expert", async () => {
    const expert = await offered();
    const accepted = await bot.run([`/as ${expert}`, "/in dm", "接受 R-0001"]);
    const toExpert = accepted.find((line) => line.startsWith(`[dm:${expert}]`) && line.includes("企业联系人")) ?? "";
    expect(toExpert, accepted.join("\n")).not.toContain("在群里");
    expect(accepted.some((line) => line.startsWith(`[dm:${manager}]`) && line.includes("联系电话"))).toBe(true);

    const relayed = await bot.run([`/as ${manager}`, "/in dm", "我的电话是 139 2233 4455"]);
    expect(relayed.some((line) => line.startsWith(`[dm:${expert}]`) && line.includes("13922334455"))).toBe(true);
    expect(relayed.some((line) => line.startsWith(`[dm:${manager}]`) && line.includes(expert))).toBe(true);
    for (const line of bot.output().filter((printed) => printed.startsWith(`[${group}]`)))
      expect(line).not.toContain("13922334455");
  });

  it("says an introduced request is connected, and lets staff re-match it when the expert did not come", async () => {
    const expert = await offered();
    await bot.run([`/as ${expert}`, "/in dm", "接受 R-0001", `/as ${manager}`, `/in ${group}`]);
    const change = await bot.say("@匠桥 R-0001 改成远程");
    expect(change.join("\n")).toContain("已对接");
    expect(change.join("\n")).not.toContain("已结束");

    const rematch = await bot.run([`/as ${staff}`, "/in dm", "/rematch R-0001"]);
    expect(rematch.join("\n")).toContain("R-0001 正在重新匹配");
    expect(rematch.some((line) => line.startsWith(`[dm:${expert}]`) && line.includes("改派"))).toBe(true);
    const request = await bot.app.services.db.helpRequest.findUniqueOrThrow({ where: { code: "R-0001" } });
    expect(request.status).not.toBe("introduced");
  });

  it("gives staff the usage of a command typed without its arguments", async () => {
    await offered();
    const bare = await bot.run([`/as ${staff}`, "/in dm", "/assign"]);
    expect(bare.join("\n")).toMatch(/用法：\/assign R-\d{4} D\d{3}/);
    const noExpert = await bot.say("/assign R-0001");
    expect(noExpert.join("\n")).toMatch(/用法：\/assign/);
    expect(noExpert.join("\n")).not.toContain("?");
    expect((await bot.say("/close")).join("\n")).toMatch(/用法：\/close/);
  });

  it("agrees in number in English", async () => {
    const one = await bot.run(["/as Union Amy", "/in dm", "Hello, I work for the union", "/find SMT 东莞"]);
    expect(one.join("\n")).toContain("1 expert found:");
  });
});
