// Staff read the digest in their chat: /digest now, /digest 2026-11-20 for a past day, Monday's week in
// review, the chart attached after the text, a "rematch" button on requests that wait, and in the staff
// chat of DIGEST_CHAT the chat's own digest.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { offeredTo, useTestBots } from "../support/bots.ts";
import type { TestBot } from "../support/test-bot.ts";

const group = "东莞制造企业群";
const manager = "东莞精工科技-王经理";
const ask = "@匠桥 我们厂在东莞，数控加工的薄壁件变形严重，想请专家下周来现场指导";

/** The lines of one printed message (line breaks print as ⏎). */
function linesOf(printed: string): string[] {
  return printed.split(" ⏎ ");
}

const hour = 3600 * 1000;

/** Moves a request and its offers to another time, as if it had happened then. */
async function moveRequest(b: TestBot, code: string, at: string): Promise<void> {
  const { db } = b.app.services;
  const created = new Date(at);
  const later = new Date(created.getTime() + hour);
  const request = await db.helpRequest.update({ where: { code }, data: { createdAt: created } });
  await db.match.updateMany({
    where: { requestId: request.id, offeredAt: { not: null } },
    data: { offeredAt: later, respondedAt: later },
  });
  await db.match.updateMany({
    where: { requestId: request.id, introducedAt: { not: null } },
    data: { introducedAt: later },
  });
}

const bot = useTestBots();

describe("/digest", () => {
  it("shows staff today's figures, then the week's chart as an image", async () => {
    const b = await bot();
    const expert = offeredTo(await b.run([`/in ${group}`, `/as ${manager}`, ask]));
    await b.run([`/as ${expert}`, "/in dm", "接受 R-0001"]);
    const out = await b.run(["/as 工会小陈", "/in dm", "/digest"]);
    const digest = out.find((line) => line.startsWith("[dm:工会小陈] 匠桥: 📋 匠桥日报"));
    expect(digest).toBeDefined();
    const lines = linesOf(digest ?? "");
    expect(lines).toContain("新需求 1 条：精密制造 1（东莞 1）");
    expect(lines).toContain("邀请 1 次：接受 1，婉拒 0，超时未复 0；成功对接 1 项");
    expect(lines).toContain("· 精密制造：新需求 1，对接 1，等待 0");
    const image = out.find((line) => line.includes("本周各服务队需求与对接"));
    const file = /\[([^\]]+\.png)\]/.exec(image ?? "")?.[1] ?? "";
    expect(out.indexOf(image ?? "")).toBeGreaterThan(out.indexOf(digest ?? ""));
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  it("lists requests waiting over 48 h with the reason and an action, and its button re-runs matching", async () => {
    const b = await bot({ DEMO_DATA: "false" });
    await b.run([`/in ${group}`, `/as ${manager}`, ask]);
    // Three days ago: the request has waited 72 hours.
    const { db } = b.app.services;
    await db.helpRequest.update({ where: { code: "R-0001" }, data: { createdAt: new Date(Date.now() - 72.1 * hour) } });
    const out = await b.run(["/as 工会小陈", "/in dm", "/digest"]);
    const digest = out.find((line) => line.startsWith("[dm:工会小陈] 匠桥: 📋 匠桥日报")) ?? "";
    expect(linesOf(digest)).toContain("等待超过 48 小时 1 条：");
    expect(linesOf(digest)).toContain(
      "· R-0001 精密制造·东莞，已等 72 小时，没有匹配的候选人 → /assign R-0001 专家编号",
    );
    expect(digest).toContain("[1:重新匹配 R-0001]");
    expect((await b.say("/press 1")).join("\n")).toContain("需求 R-0001 正在重新匹配");
  });

  it("offers the best remaining candidates behind its assign button, and pressing one asks that expert", async () => {
    const b = await bot();
    const first = offeredTo(await b.run([`/in ${group}`, `/as ${manager}`, ask]));
    await b.app.services.db.helpRequest.update({
      where: { code: "R-0001" },
      data: { createdAt: new Date(Date.now() - 72.1 * hour) },
    });
    const digest = (await b.run(["/as 工会小陈", "/in dm", "/digest"]))[0] ?? "";
    expect(digest).toContain("[1:重新匹配 R-0001] [2:指派 R-0001]");

    const choices = (await b.say("/press 2"))[0] ?? "";
    const lines = linesOf(choices);
    expect(lines[0]).toBe("[dm:工会小陈] 匠桥: 为 R-0001 指派专家，点按钮即先征求该专家同意：");
    // The expert already asked is not offered again; each choice has a button of its own.
    expect(choices).not.toContain(`${first}（`);
    const picked = /^1\. (\S+)（(D\d+)）· 精密制造 · /.exec(lines[1] ?? "");
    expect(picked).not.toBeNull();
    const [, name, id] = picked ?? [];
    expect(choices).toContain(`[1:指派${name}]`);

    const out = await b.say("/press 1");
    expect(out).toContain(`[dm:工会小陈] 匠桥: 已将需求 R-0001 指派给${name}，正在征求其同意。`);
    expect(offeredTo(out)).toBe(name);
    expect(
      await b.app.services.db.match.findFirst({ where: { expert: { externalId: id }, status: "offered" } }),
    ).not.toBeNull();
  });

  it("reads a past day as that morning's digest, and adds the week in review on Mondays", async () => {
    const b = await bot();
    const expert = offeredTo(await b.run([`/in ${group}`, `/as ${manager}`, ask]));
    await b.run([`/as ${expert}`, "/in dm", "接受 R-0001"]);
    await moveRequest(b, "R-0001", "2025-05-30T10:00:00+08:00");

    const friday = await b.run(["/as 工会小陈", "/in dm", "/digest 2025-05-31"]);
    expect(linesOf(friday[0] ?? "")).toEqual([
      "[dm:工会小陈] 匠桥: 📋 匠桥日报 · 2025-05-31（周六）",
      "统计时段 05-30 08:30 至 05-31 08:30",
      "新需求 1 条：精密制造 1（东莞 1）",
      "邀请 1 次：接受 1，婉拒 0，超时未复 0；成功对接 1 项",
      "分队情况：",
      "· 精密制造：新需求 1，对接 1，等待 0",
    ]);

    const monday = await b.say("/digest 2025-06-02");
    expect(linesOf(monday[0] ?? "")).toEqual([
      "[dm:工会小陈] 匠桥: 📋 匠桥日报 · 2025-06-02（周一）",
      "统计时段 06-01 08:30 至 06-02 08:30",
      "本时段没有新动态。",
    ]);
    expect(linesOf(monday[1] ?? "")).toEqual([
      "[dm:工会小陈] 匠桥: 📊 周小结（05-26 至 06-02）",
      "新需求 1 条，邀请 1 次，接受 1，婉拒 0，对接 1 项，解决 0 项",
      "· 精密制造：需求 1，对接 1",
    ]);
    expect(monday[2]).toMatch(
      /^\[dm:工会小陈\] 匠桥: \[.*chart-2025-06-02-0830-all-zh-CN\.png\] 本周各服务队需求与对接$/,
    );
  });

  it("explains a date it cannot read, and a day still to come", async () => {
    const b = await bot({ DEMO_DATA: "false" });
    expect(await b.run(["/as 工会小陈", "/in dm", "/digest 昨天"])).toEqual([
      "[dm:工会小陈] 匠桥: 看不懂日期“昨天”，请写成 /digest 2026-11-20。",
    ]);
    expect(await b.say("/digest 2999-01-01")).toEqual([
      "[dm:工会小陈] 匠桥: 2999-01-01 还没到，只能查看今天及以前的日报。",
    ]);
  });

  it("goes privately when asked for in a group", async () => {
    const b = await bot({ DEMO_DATA: "false" });
    const out = await b.run(["/as 工会小陈", "/in 工会工作群", "/digest"]);
    // Two chats: each sees its own line, in whichever order the platform delivers them.
    expect(out.filter((line) => line.startsWith("[工会工作群]"))).toEqual(["[工会工作群] 匠桥: 日报已私信发给您。"]);
    const privately = out.filter((line) => line.startsWith("[dm:工会小陈]"));
    expect(privately).toHaveLength(1);
    expect(privately[0]).toMatch(/^\[dm:工会小陈\] 匠桥: 📋 匠桥日报/);
  });

  it("in the staff chat of DIGEST_CHAT, posts the chat's digest there, with buttons any staff member can press", async () => {
    const b = await bot({
      DEMO_DATA: "false",
      DIGEST_CHAT: "terminal:工会工作群",
      TERMINAL_STAFF: "工会小陈,工会老李",
    });
    await b.run([`/in ${group}`, `/as ${manager}`, ask]);
    await b.app.services.db.helpRequest.update({
      where: { code: "R-0001" },
      data: { createdAt: new Date(Date.now() - 72.1 * hour) },
    });
    const out = await b.run(["/as 工会小陈", "/in 工会工作群", "/digest"]);
    expect(out[0]).toMatch(/^\[工会工作群\] 匠桥: 📋 匠桥日报 · \d{4}-\d{2}-\d{2}（周.）/);
    expect(linesOf(out[0] ?? "")).toContain("等待超过 48 小时 1 条：");
    expect(out[0]).toContain("[1:重新匹配 R-0001]");
    expect(out.filter((line) => !line.startsWith("[工会工作群]"))).toEqual([]);
    // Anyone in the chat sees the button; only staff can use it.
    expect(await b.run([`/as ${manager}`, "/press 1"])).toEqual([
      "[工会工作群] 匠桥: 抱歉，“/rematch”仅供工会工作人员使用。",
    ]);
    expect((await b.run(["/as 工会老李", "/press 1"])).join("\n")).toContain("需求 R-0001 正在重新匹配");
  });

  it("refuses people who are not staff, politely", async () => {
    const b = await bot();
    const out = await b.run([`/in ${group}`, `/as ${manager}`, "/digest"]);
    expect(out).toEqual([`[${group}] 匠桥: 抱歉，“/digest”仅供工会工作人员使用。`]);
  });
});
