// The digest of a fixed week, word for word, as staff read it: in Chinese, in English, and a team
// leader's, which holds only their team; asked for with /digest, and sent by the daily run at 08:30 on
// a fixed clock, to staff and to the staff chat. Any change to a figure, an order or a sentence shows here.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { digestChatId, sendChatDigest } from "../../jobs/digest/digest-chat.ts";
import { sendDailyDigest } from "../../jobs/digest/digest-job.ts";
import { useTestBots } from "../support/bots.ts";
import type { TestBot } from "../support/test-bot.ts";
import { fixtureDay, seedDigestWeek } from "./digest-fixture.ts";

const bot = useTestBots();

/** A message as the terminal prints it: lines joined with ⏎, then the card's buttons. */
function printed(chat: string, lines: string[], buttons: string[] = []): string {
  const text = `[${chat}] 匠桥: ${lines.join(" ⏎ ")}`;
  return buttons.length ? `${text} ${buttons.map((label, i) => `[${i + 1}:${label}]`).join(" ")}` : text;
}

/** Where a bot writes its charts. */
function chartsOf(b: TestBot): string {
  return path.join(b.dir, "digests");
}

/** What `who` is shown when they ask for the fixed day's digest in their private chat. */
async function readDigest(who: string): Promise<{ out: string[]; charts: string }> {
  const b = await bot({ DEMO_DATA: "false" });
  await seedDigestWeek(b.app.services.db);
  const out = await b.run([`/as ${who}`, "/in dm", `/digest ${fixtureDay}`]);
  return { out, charts: chartsOf(b) };
}

/** The programme's digest of the fixed day in Chinese, as printed to 工会小陈 (or into `chat`). */
function chineseDigest(charts: string, chat = "dm:工会小陈"): string[] {
  return [
    printed(
      chat,
      [
        "📋 匠桥日报 · 2025-06-02（周一）",
        "统计时段 06-01 08:30 至 06-02 08:30",
        "新需求 8 条：精密制造 5（东莞 2、佛山 1、广州 1）、数字低空 1（深圳 1）、未分队 1（未填城市 1）、智能机器人 1（广州 1）",
        "邀请 5 次：接受 1，婉拒 1，超时未复 1；成功对接 1 项",
        "等待超过 48 小时 6 条：",
        "· R-0002 智能机器人·广州，已等 138 小时，候选专家均已婉拒 → /rematch R-0002 或 /assign R-0002 专家编号",
        "· R-0003 精芯匠制·珠海，已等 119 小时，企业尚未补全信息 → 联系企业补充，或 /close R-0003",
        "· R-0006 精密制造·东莞，已等 96 小时，没有匹配的候选人 → /assign R-0006 专家编号",
        "· R-0008 数字低空·深圳，已等 70 小时，周敏未答复邀请 → /assign R-0008 专家编号 改派",
        "· R-0009 精密制造·佛山，已等 60 小时，仍在匹配中 → /rematch R-0009",
        "…另有 1 条，发 /requests waiting 查看",
        "成效：解决 2 项，未解决 1 项；平均评分 4.0（2 个）",
        "沉寂专家：赵强（2 次邀请未复）、陈静（已暂停接单）",
        "分队情况：",
        "· 精密制造：新需求 5，对接 1，等待 2",
        "· 数字低空：新需求 1，对接 0，等待 1",
        "· 智能机器人：新需求 1，对接 0，等待 1",
        "· 未分队：新需求 1，对接 0，等待 0",
        "· 精芯匠制：新需求 0，对接 0，等待 1",
        "· 生物医药：新需求 0，对接 0，等待 1",
      ],
      ["重新匹配 R-0002", "指派 R-0002", "重新匹配 R-0006", "指派 R-0006", "重新匹配 R-0008", "指派 R-0008"],
    ),
    printed(chat, [
      "📊 周小结（05-26 至 06-02）",
      "新需求 19 条，邀请 13 次，接受 4，婉拒 3，对接 4 项，解决 2 项",
      "· 精密制造：需求 9，对接 2",
      "· 智能机器人：需求 3，对接 1",
      "· 精芯匠制：需求 2，对接 1",
      "· 数字低空：需求 3，对接 0",
      "· 生物医药：需求 1，对接 0",
      "· 未分队：需求 1，对接 0",
      "成效：解决 2 项，未解决 1 项；平均评分 4.0（2 个）",
    ]),
    printed(chat, [`[${charts}/chart-2025-06-02-0830-all-zh-CN.png] 本周各服务队需求与对接`]),
  ];
}

/** The programme's digest of the fixed day in English, as printed to Anna (or into `chat`). */
function englishDigest(charts: string, chat = "dm:Anna"): string[] {
  return [
    printed(
      chat,
      [
        "📋 匠桥 daily digest · Mon 2025-06-02",
        "From 06-01 08:30 to 06-02 08:30",
        "New requests: 8 — Precision Manufacturing 5 (Dongguan 2, Foshan 1, Guangzhou 1), Digital Low-Altitude Economy 1 (Shenzhen 1), No team 1 (no city 1), Intelligent Robotics 1 (Guangzhou 1)",
        "Offers: 5 (1 accepted, 1 declined, 1 unanswered); introductions: 1",
        "Waiting over 48 h: 6",
        "· R-0002 Intelligent Robotics·Guangzhou, 138 h, every candidate declined → /rematch R-0002 or /assign R-0002 EXPERT-ID",
        "· R-0003 Chips and Electronics·Zhuhai, 119 h, the company has not completed it → ask the company, or /close R-0003",
        "· R-0006 Precision Manufacturing·Dongguan, 96 h, no matching candidate → /assign R-0006 EXPERT-ID",
        "· R-0008 Digital Low-Altitude Economy·Shenzhen, 70 h, 周敏 has not answered the offer → /assign R-0008 EXPERT-ID to reassign",
        "· R-0009 Precision Manufacturing·Foshan, 60 h, still matching → /rematch R-0009",
        "…and 1 more: /requests waiting",
        "Outcomes: 2 solved, 1 not solved; average rating 4.0 (2 rated)",
        "Quiet experts: 赵强 (unanswered offers: 2), 陈静 (paused)",
        "By service team:",
        "· Precision Manufacturing: 5 new, 1 introduced, 2 waiting",
        "· Digital Low-Altitude Economy: 1 new, 0 introduced, 1 waiting",
        "· Intelligent Robotics: 1 new, 0 introduced, 1 waiting",
        "· No team: 1 new, 0 introduced, 0 waiting",
        "· Chips and Electronics: 0 new, 0 introduced, 1 waiting",
        "· Biomedicine: 0 new, 0 introduced, 1 waiting",
      ],
      ["Rematch R-0002", "Assign R-0002", "Rematch R-0006", "Assign R-0006", "Rematch R-0008", "Assign R-0008"],
    ),
    printed(chat, [
      "📊 Week in review (05-26 to 06-02)",
      "New requests: 19; offers: 13 (4 accepted, 3 declined); introductions: 4; solved: 2",
      "· Precision Manufacturing: requests 9, introductions 2",
      "· Intelligent Robotics: requests 3, introductions 1",
      "· Chips and Electronics: requests 2, introductions 1",
      "· Digital Low-Altitude Economy: requests 3, introductions 0",
      "· Biomedicine: requests 1, introductions 0",
      "· No team: requests 1, introductions 0",
      "Outcomes: 2 solved, 1 not solved; average rating 4.0 (2 rated)",
    ]),
    printed(chat, [
      `[${charts}/chart-2025-06-02-0830-all-en.png] This week's requests and introductions by service team`,
    ]),
  ];
}

/** The precision manufacturing team leader's digest of the fixed day, in their private chat. */
function leaderDigest(charts: string): string[] {
  const chat = "dm:精密制造队-老林";
  return [
    printed(
      chat,
      [
        "📋 匠桥日报 · 2025-06-02（周一） · 精密制造",
        "统计时段 06-01 08:30 至 06-02 08:30",
        "新需求 5 条：精密制造 5（东莞 2、佛山 1、广州 1）",
        "邀请 3 次：接受 1，婉拒 1，超时未复 0；成功对接 1 项",
        "等待超过 48 小时 2 条：",
        "· R-0006 精密制造·东莞，已等 96 小时，没有匹配的候选人 → /assign R-0006 专家编号",
        "· R-0009 精密制造·佛山，已等 60 小时，仍在匹配中 → /rematch R-0009",
        "成效：解决 1 项，未解决 0 项；平均评分 5.0（1 个）",
        "分队情况：",
        "· 精密制造：新需求 5，对接 1，等待 2",
      ],
      ["重新匹配 R-0006", "指派 R-0006", "重新匹配 R-0009", "指派 R-0009"],
    ),
    printed(chat, [
      "📊 周小结（05-26 至 06-02）",
      "新需求 9 条，邀请 4 次，接受 2，婉拒 1，对接 2 项，解决 1 项",
      "· 精密制造：需求 9，对接 2",
      "成效：解决 1 项，未解决 0 项；平均评分 5.0（1 个）",
    ]),
    printed(chat, [`[${charts}/chart-2025-06-02-0830-precision_manufacturing-zh-CN.png] 本周各服务队需求与对接`]),
  ];
}

describe("the digest of a fixed week", () => {
  it("reads word for word in Chinese", async () => {
    const { out, charts } = await readDigest("工会小陈");
    expect(out).toEqual(chineseDigest(charts));
  });

  it("reads word for word in English", async () => {
    const { out, charts } = await readDigest("Anna");
    expect(out).toEqual(englishDigest(charts));
  });

  it("gives a team leader their own team only", async () => {
    const { out, charts } = await readDigest("精密制造队-老林");
    expect(out).toEqual(leaderDigest(charts));
  });

  it("is what the daily run sends each reader at 08:30, in their language and scope", async () => {
    const b = await bot({ DEMO_DATA: "false" });
    const { db } = b.app.services;
    await seedDigestWeek(db);
    const now = new Date(`${fixtureDay}T08:30:00+08:00`);
    for (const person of await db.person.findMany({ where: { role: { in: ["staff", "team_leader"] } } })) {
      expect(await sendDailyDigest(b.app.services, person.id, fixtureDay, { now })).toBe("sent");
    }
    await b.app.waitUntilIdle();
    const charts = chartsOf(b);
    const to = (who: string) => b.output().filter((line) => line.startsWith(`[dm:${who}]`));
    expect(to("工会小陈")).toEqual(chineseDigest(charts));
    expect(to("Anna")).toEqual(englishDigest(charts));
    expect(to("精密制造队-老林")).toEqual(leaderDigest(charts));
  });

  it("goes to the staff chat of DIGEST_CHAT too, in DEFAULT_LOCALE, for the whole programme", async () => {
    const b = await bot({ DEMO_DATA: "false", DIGEST_CHAT: "terminal:工会工作群", DEFAULT_LOCALE: "en" });
    await seedDigestWeek(b.app.services.db);
    const chatId = (await digestChatId(b.app.services)) ?? "";
    const now = new Date(`${fixtureDay}T08:30:00+08:00`);
    expect(await sendChatDigest(b.app.services, chatId, fixtureDay, { now })).toBe("sent");
    await b.app.waitUntilIdle();
    expect(b.output()).toEqual(englishDigest(chartsOf(b), "工会工作群"));
  });
});
