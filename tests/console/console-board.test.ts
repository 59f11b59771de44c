// The board over many requests, as staff read it: those waiting over 48 hours first with why they wait,
// then the rest newest first, 50 a page with a way on and a way back; filters that apply as soon as a
// choice changes, counted by status; the requests the follow-up found solved under a tab of their own.
import { describe, expect, it } from "vitest";
import type { Db } from "../../prisma/client.ts";
import { offeredTo, useTestBots } from "../support/bots.ts";
import { useConsole } from "./console-browser.ts";

const bot = useTestBots();
const consoleFor = useConsole();
const hourMs = 3600 * 1000;

/**
 * 130 requests, oldest first: 30 waiting for days (unmatched: nobody fits; offered: an offer unanswered),
 * then 100 recent ones, alternately in Foshan and Dongguan and in all the board's statuses.
 */
async function seedRequests(db: Db, now: Date): Promise<void> {
  const chat = await db.chat.create({ data: { platform: "terminal", externalId: "企业群", kind: "group" } });
  const person = await db.person.create({ data: { displayName: "企业联系人" } });
  const recent = ["open", "matching", "offered", "introduced", "closed", "cancelled", "draft"];
  const rows = Array.from({ length: 130 }, (_, index) => {
    const waiting = index < 30;
    const status = waiting ? (index % 2 === 0 ? "unmatched" : "offered") : (recent[index % recent.length] ?? "open");
    return {
      code: `R-${String(index + 1).padStart(4, "0")}`,
      chatId: chat.id,
      requesterId: person.id,
      text: `第 ${index + 1} 个需求：设备故障需要专家`,
      status,
      waitReason: waiting ? (status === "unmatched" ? "no_candidate" : "offer_unanswered") : null,
      teamKey: "precision_manufacturing",
      city: index % 2 === 0 ? "佛山" : "东莞",
      kind: "tech_support",
      // The waiting ones 101 to 130 hours ago, the recent ones within the last day.
      createdAt: new Date(now.getTime() - (waiting ? (100 + 30 - index) * hourMs : (130 - index) * 10 * 60_000)),
    };
  });
  await db.helpRequest.createMany({ data: rows });
  // R-0004 waits on an offer to a named expert.
  const request = await db.helpRequest.findUniqueOrThrow({ where: { code: "R-0004" } });
  const expert = await db.expert.findUniqueOrThrow({ where: { externalId: "D001" } });
  await db.match.create({
    data: { requestId: request.id, expertId: expert.id, rank: 1, score: 0.8, status: "offered", offeredAt: now },
  });
}

describe("the board at scale", () => {
  it("puts requests waiting over 48 h first with the reason, pages the rest and filters them", async () => {
    const b = await bot();
    await seedRequests(b.app.services.db, new Date());
    const app = await consoleFor(b);
    const page = await app.logIn(await app.linkFor("工会小陈"));

    const overdue = page.locator("section.overdue");
    await expect(overdue.locator("h2").textContent()).resolves.toBe("等待超过 48 小时（30 条）");
    const oldest = overdue.locator("tbody tr").first();
    expect(await oldest.textContent()).toContain("R-0001");
    expect(await oldest.textContent()).toContain("没有匹配的候选人");
    expect(await oldest.textContent()).toMatch(/5 天 \d+ 小时/);
    expect(await overdue.locator("tbody tr").nth(1).textContent()).toContain("专家未答复邀请");
    expect(await overdue.locator("tbody tr").nth(3).textContent()).toContain("陈志强未答复邀请");
    expect(await overdue.locator("tbody tr").count()).toBe(20);
    expect(await overdue.textContent()).toContain("另有 10 条未列出");

    // The rest newest first, 50 a page, every request once.
    const codes = () => page.locator("main > section:not(.overdue) tbody tr td:first-child").allTextContents();
    const seen: string[] = [];
    const first = await codes();
    expect(first).toHaveLength(50);
    expect(first[0]).toBe("R-0130");
    seen.push(...first);
    await page.getByRole("link", { name: "下一页 →" }).click();
    seen.push(...(await codes()));
    await page.getByRole("link", { name: "下一页 →" }).click();
    const last = await codes();
    expect(last).toHaveLength(30);
    seen.push(...last);
    expect(new Set(seen).size).toBe(130);
    expect(await page.getByRole("link", { name: "下一页 →" }).count()).toBe(0);
    await page.getByRole("link", { name: "← 第一页" }).click();
    expect((await codes())[0]).toBe("R-0130");

    // A city chosen applies at once; the tabs count within it.
    await page.getByLabel("城市").selectOption("佛山");
    await page.waitForURL(/city=/);
    const cities = await page.locator("main > section:not(.overdue) tbody tr td:nth-child(5)").allTextContents();
    expect(new Set(cities)).toEqual(new Set(["佛山"]));
    await expect(page.getByRole("link", { name: /^全部 \(65\)$/ }).count()).resolves.toBe(1);
    await expect(overdue.locator("h2").textContent()).resolves.toBe("等待超过 48 小时（15 条）");
    await page.getByRole("link", { name: /^待人工处理/ }).click();
    const statuses = await page.locator("main > section:not(.overdue) tbody tr td:nth-child(2)").allTextContents();
    expect(new Set(statuses)).toEqual(new Set(["待人工处理"]));
    expect(page.url()).toContain("city=");
  });
});

describe("the solved tab", () => {
  it("lists a request the enterprise said was solved at the follow-up, and marks it solved on its page", async () => {
    // 0.00002 days ≈ 1.7 s after the introduction: the follow-up asks both requests' enterprises.
    const b = await bot({ FOLLOW_UP_DAYS: "0.00002" });
    const solvedBy = "东莞精工科技-王经理";
    const notYet = "东莞另一家厂-刘工";
    const first = offeredTo(
      await b.run([
        "/in 东莞制造企业群",
        `/as ${solvedBy}`,
        "@匠桥 我们厂在东莞，数控加工的薄壁件变形严重，想请专家来现场指导",
      ]),
    );
    await b.run([`/as ${first}`, "/in dm", "接受 R-0001"]);
    const second = offeredTo(
      await b.run(["/in 东莞五金企业群", `/as ${notYet}`, "@匠桥 我们也在东莞，数控加工件变形，想请专家来现场看看"]),
      "R-0002",
    );
    await b.run([`/as ${second}`, "/in dm", "接受 R-0002"]);
    await b.waitFor(new RegExp(`^\\[dm:${solvedBy}\\] 匠桥: 需求 R-0001：.*问题解决了吗？`));
    await b.waitFor(new RegExp(`^\\[dm:${notYet}\\] 匠桥: 需求 R-0002：.*问题解决了吗？`));
    await b.run([`/as ${solvedBy}`, "/in dm", "/press 1"]);
    await b.run([`/as ${notYet}`, "/in dm", "/press 2"]);

    const app = await consoleFor(b);
    const page = await app.logIn(await app.linkFor("工会小陈"));
    // Two requests in all: the solved one is counted under its status and under 已解决, not twice in all.
    await expect(page.getByRole("link", { name: /^全部 \(2\)$/ }).count()).resolves.toBe(1);
    await page.getByRole("link", { name: /^已解决 \(1\)$/ }).click();
    await page.waitForURL(/status=solved/);
    const rows = page.locator("main > section:not(.overdue) tbody tr");
    expect(await rows.locator("td:first-child").allTextContents()).toEqual(["R-0001"]);
    expect(await rows.first().locator("td:nth-child(2)").textContent()).toContain("已解决");

    // The one not solved yet stays introduced, without the mark.
    await page.getByRole("link", { name: /^已对接 \(1\)$/ }).click();
    const introduced = page.locator("main > section:not(.overdue) tbody tr");
    expect(await introduced.locator("td:first-child").allTextContents()).toEqual(["R-0002"]);
    expect(await introduced.first().locator("td:nth-child(2)").textContent()).not.toContain("已解决");

    await page.goto(`${app.url}/requests/R-0001`);
    expect(await page.locator("dl.facts").textContent()).toContain("已解决");
    await page.goto(`${app.url}/requests/R-0002`);
    expect(await page.locator("dl.facts").textContent()).not.toContain("已解决");
  });
});
