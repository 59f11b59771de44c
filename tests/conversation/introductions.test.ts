// Consent first and fair load: timeouts, the monthly cap, no candidates, staff overrides, restarts and
// the follow-up after the visit, as each party sees them.
import { describe, expect, it } from "vitest";
import { offeredTo, useTestBots } from "../support/bots.ts";

const group = "东莞制造企业群";
const manager = "东莞精工科技-王经理";
const ask = "@匠桥 我们厂在东莞，数控加工的薄壁件变形严重，想请专家下周来现场指导";

const bot = useTestBots();

describe("an offer nobody answers", () => {
  it("is reminded once, then passed to the next candidate", async () => {
    // 0.0006 h ≈ 2 s: the reminder comes after about 1 s, the expiry after about 2 s.
    const b = await bot({ OFFER_TIMEOUT_HOURS: "0.0006" });
    const first = offeredTo(await b.run([`/in ${group}`, `/as ${manager}`, ask]));
    await b.waitFor(new RegExp(`^\\[dm:${first}\\] 匠桥: 提醒：需求 R-0001`));
    await b.waitFor(new RegExp(`^\\[dm:${first}\\] 匠桥: 需求 R-0001 的邀请已过答复时间`));
    const second = await b.waitFor(new RegExp(`^\\[dm:(?!${first}\\]).*R-0001.*\\[1:接受\\]`));
    expect(second).toContain("您好");
    expect(b.output().filter((line) => line.startsWith(`[dm:${first}] 匠桥: 提醒`))).toHaveLength(1);
    // A late answer from the first expert changes nothing.
    const late = await b.run([`/as ${first}`, "/in dm", "接受 R-0001"]);
    expect(late.join("\n")).toContain("已过答复时间");
  });
});

describe("fair load", () => {
  it("does not ask an expert at the monthly cap again", async () => {
    const b = await bot({ MONTHLY_OFFER_CAP: "1" });
    const first = offeredTo(await b.run([`/in ${group}`, `/as ${manager}`, ask]));
    const lines = await b.run(["/as 东莞另一家厂-刘工", "@匠桥 我们也在东莞，数控加工件变形，下周需要专家来现场看看"]);
    expect(offeredTo(lines, "R-0002")).not.toBe(first);
  });
});

describe("a request no expert can take", () => {
  it("is flagged to staff with the reason, and the enterprise is told", async () => {
    const b = await bot({ DEMO_DATA: "false" });
    await b.run(["/as 工会小陈", "/stats"]);
    const lines = await b.run([`/in ${group}`, `/as ${manager}`, ask]);
    expect(lines.some((line) => line.startsWith(`[${group}] 匠桥: 需求 R-0001 暂时没有找到合适的专家`))).toBe(true);
    expect(
      lines.some((line) => line.startsWith("[dm:工会小陈] 匠桥: 需求 R-0001 暂无可对接的专家（没有匹配的候选人）")),
    ).toBe(true);
  });
});

describe("staff", () => {
  it("assign an expert of their choice, who is asked for consent; the previous offer is withdrawn", async () => {
    const b = await bot();
    const first = offeredTo(await b.run([`/in ${group}`, `/as ${manager}`, ask]));
    const chosen = await b.app.services.db.expert.findFirstOrThrow({ where: { name: { not: first }, city: "广州" } });
    const lines = await b.run(["/as 工会小陈", "/in dm", `/assign R-0001 ${chosen.externalId}`]);
    expect(lines.some((line) => line.startsWith(`[dm:工会小陈] 匠桥: 已将需求 R-0001 指派给${chosen.name}`))).toBe(
      true,
    );
    expect(lines.some((line) => line.startsWith(`[dm:${first}] 匠桥: 需求 R-0001 的邀请已撤回`))).toBe(true);
    expect(offeredTo(lines)).toBe(chosen.name);
    const timeline = await b.say("/request R-0001");
    expect(timeline.join("\n")).toContain(`工作人员指派${chosen.name}`);
  });

  it("re-run matching and close requests; others may not", async () => {
    const b = await bot();
    await b.run([`/in ${group}`, `/as ${manager}`, ask]);
    expect((await b.say("/close R-0001")).join("\n")).toContain("仅供工会工作人员使用");
    const rematch = await b.run(["/as 工会小陈", "/in dm", "/rematch R-0001"]);
    expect(rematch.join("\n")).toContain("需求 R-0001 正在重新匹配");
    expect(rematch.some((line) => line.includes("R-0001") && line.includes("[1:接受]"))).toBe(true);
    expect((await b.say("/close R-0001")).join("\n")).toContain("需求 R-0001 已关闭");
    expect((await b.app.services.db.helpRequest.findUniqueOrThrow({ where: { code: "R-0001" } })).status).toBe(
      "closed",
    );
  });
});

describe("a restart in the middle of an offer", () => {
  it("loses nothing and sends nothing twice", async () => {
    const b1 = await bot();
    const expert = offeredTo(await b1.run([`/in ${group}`, `/as ${manager}`, ask]));
    const kept = await b1.crash();
    const b2 = await bot({}, kept);
    await b2.app.waitUntilIdle();
    // Nothing was offered again at start.
    expect(b2.output()).toEqual([]);
    const lines = await b2.run([`/as ${expert}`, "/in dm", "/press 1"]);
    expect(lines.filter((line) => line.startsWith(`[${group}] 匠桥: 好消息`))).toHaveLength(1);
    const offers = await b2.app.services.db.outboundMessage.count({ where: { key: { startsWith: "offer-" } } });
    expect(offers).toBe(1);
  });
});

describe("after the visit", () => {
  it("asks both sides whether the problem was solved and records the rating", async () => {
    // 0.00002 days ≈ 1.7 s after the introduction.
    const b = await bot({ FOLLOW_UP_DAYS: "0.00002" });
    const expert = offeredTo(
      await b.run([
        `/in ${group}`,
        `/as ${manager}`,
        "@匠桥 我们厂在东莞，数控加工的薄壁件变形严重，想请专家来现场指导",
      ]),
    );
    await b.run([`/as ${expert}`, "/in dm", "接受 R-0001"]);
    await b.waitFor(
      new RegExp(
        `^\\[dm:${manager}\\] 匠桥: 需求 R-0001：${expert}的指导后，问题解决了吗？ \\[1:已解决\\] \\[2:还没解决\\]`,
      ),
    );
    await b.waitFor(new RegExp(`^\\[dm:${expert}\\] 匠桥: 需求 R-0001 的问题解决了吗？`));
    const solved = await b.run([`/as ${manager}`, "/in dm", "/press 1"]);
    expect(solved.join("\n")).toContain(`请给${expert}打个分`);
    const rated = await b.say("非常感谢，5分");
    expect(rated.join("\n")).toContain("感谢您的反馈");
    const match = await b.app.services.db.match.findFirstOrThrow({
      where: { status: "accepted" },
      include: { request: true },
    });
    expect(match.outcome).toBe("solved");
    expect(match.rating).toBe(5);
    expect(match.request.status).toBe("closed");
  });
});

describe("the ranking index", () => {
  it("follows availability changes without a restart: a paused expert is not asked", async () => {
    const b = await bot();
    const first = offeredTo(await b.run([`/in ${group}`, `/as ${manager}`, ask]));
    const paused = await b.run([`/as ${first}`, "/in dm", "最近出差，暂停接单"]);
    expect(paused.join("\n")).toContain("已暂停");
    const next = await b.run([
      `/in ${group}`,
      "/as 东莞另一家厂-刘工",
      "@匠桥 我们也在东莞，数控加工件变形，下周需要专家来现场看看",
    ]);
    expect(offeredTo(next, "R-0002")).not.toBe(first);
  });

  it("follows roster imports without a restart: a new expert can be offered at once", async () => {
    const b = await bot({ DEMO_DATA: "false" });
    const { importRoster } = await import("../../prisma/roster/import-roster.ts");
    // The index is built by a first request that finds nobody…
    const before = await b.run([`/in ${group}`, `/as ${manager}`, ask]);
    expect(before.join("\n")).toContain("暂时没有找到合适的专家");
    await importRoster(b.app.services.db, [
      {
        row: 2,
        id: "N001",
        name: "新来的师傅",
        honours: ["南粤工匠"],
        employer: "东莞某精密厂",
        title: "高级技师",
        city: "东莞",
        district: null,
        teamKey: "precision_manufacturing",
        skills: ["数控加工"],
        achievements: "",
        canOnsite: true,
        canRemote: false,
        cities: [],
        phone: "13900009999",
      },
    ]);
    // …and a request after the import reaches the new expert.
    const lines = await b.run(["/as 东莞另一家厂-刘工", ask]);
    expect(offeredTo(lines, "R-0002")).toBe("新来的师傅");
  });
});

describe("a large roster import while the bot runs", () => {
  it("is picked up by the next match without a restart", async () => {
    const b = await bot({ DEMO_DATA: "false" });
    const { importRoster } = await import("../../prisma/roster/import-roster.ts");
    const before = await b.run([`/in ${group}`, `/as ${manager}`, ask]);
    expect(before.join("\n")).toContain("暂时没有找到合适的专家");
    // More changed experts than one query may name: the index is rebuilt instead of patched.
    const rows = Array.from({ length: 1200 }, (_, i) => ({
      row: i + 2,
      id: `B${String(i).padStart(4, "0")}`,
      name: `批量专家${i}`,
      honours: [],
      employer: "某厂",
      title: "技师",
      city: i === 7 ? "东莞" : "湛江",
      district: null,
      teamKey: "precision_manufacturing",
      skills: ["数控加工"],
      achievements: "",
      canOnsite: true,
      canRemote: false,
      cities: [],
      phone: null,
    }));
    await importRoster(b.app.services.db, rows);
    const lines = await b.run(["/as 东莞另一家厂-刘工", ask]);
    expect(offeredTo(lines, "R-0002")).toBe("批量专家7");
  });
});
