// A staff member runs the programme for a day from the console alone: logs in by the link the chat sends,
// sees a request arrive from an enterprise's group, assigns an expert who gets the offer and accepts it in
// their chat, sees the introduction, closes the request, reads the day's figures (the same as /digest),
// exports the roster and imports a roster change. Every assertion is what the staff member sees.
import { readFileSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chineseHeader, tempDir, writeCsv } from "../roster/roster-files.ts";
import { useTestBots } from "../support/bots.ts";
import { useConsole } from "./console-browser.ts";

const group = "佛山陶瓷企业群";
const manager = "佛山华陶-李厂长";
const ask = "@匠桥 我们是佛山的陶瓷厂，窑炉的温度控制不稳定，产品色差大，想请懂自动化控制的专家远程指导";

/** What a link downloads, as text. */
async function downloaded(page: Page, link: Locator): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  return readFileSync((await download.path()) ?? "", "utf8");
}

const bot = useTestBots();
const consoleFor = useConsole();

describe("a day of the programme run from the console", () => {
  it("takes a request from the chat to an introduction and through the day's figures, export and import", async () => {
    const b = await bot();
    const app = await consoleFor(b);

    // Morning: the link comes from the chat, as staff get it.
    const sent = await b.run(["/as 工会小陈", "/in dm", "/console"]);
    const link = /\/login\/[\w-]+/.exec(sent.join("\n"))?.[0];
    expect(link, sent.join("\n")).toBeDefined();
    const page = await app.logIn(`${app.url}${link}`);
    await page.getByRole("heading", { name: "需求看板" }).waitFor();
    expect(await page.textContent("main")).toContain("没有符合条件的需求");

    // An enterprise asks in its group; the board shows the new request.
    await b.run([`/in ${group}`, `/as ${manager}`, ask]);
    await page.reload();
    const row = page.locator("table.list tbody tr", { hasText: "R-0001" });
    await row.waitFor();
    expect(await row.textContent()).toContain("佛山");

    // The request: what was understood, the candidates with scores and reasons.
    await page.getByRole("link", { name: "R-0001" }).click();
    await page.getByRole("heading", { name: "需求 R-0001" }).waitFor();
    const main = (await page.textContent("main")) ?? "";
    expect(main).toContain("窑炉的温度控制不稳定");
    expect(main).toContain("远程");
    const candidates = page.locator("table.candidates tbody tr");
    expect(await candidates.count()).toBeGreaterThan(1);
    expect(await candidates.first().locator("td").nth(3).textContent()).toMatch(/^\d+\.\d\d$/);
    expect(await candidates.first().locator("td").nth(4).textContent()).toMatch(/\S/);

    // Staff assign a candidate nobody has asked yet; the expert gets the offer in their chat.
    const spare = page.locator("table.candidates tbody tr", { hasText: "候选" }).first();
    const chosen = ((await spare.locator("td").nth(1).locator("a").textContent()) ?? "").trim();
    const chosenId = ((await spare.locator("td").nth(1).locator("small").textContent()) ?? "").trim();
    expect(chosenId).toMatch(/^[A-Z]+\d+$/);
    await page.getByLabel("指派专家（编号或姓名）").fill(chosenId);
    await page.getByRole("button", { name: "指派", exact: true }).click();
    // A two-skill request (陶瓷与建材 and automation): the expert takes the part nobody holds yet.
    await page.getByText(new RegExp(`已将需求 R-0001 (中“[^”]+”这一部分)?指派给${chosen}`)).waitFor();
    await b.waitFor(new RegExp(`^\\[dm:${chosen}\\] 匠桥: .*R-0001.*\\[1:接受\\]`));
    expect(await page.locator("table.candidates tbody tr", { hasText: chosen }).textContent()).toContain("已邀请");

    // The expert accepts in the chat; the enterprise's group gets the introduction and the console shows it.
    const accepted = await b.run([`/as ${chosen}`, "/in dm", "接受 R-0001"]);
    expect(accepted.join("\n")).toMatch(new RegExp(`^\\[${group}\\] 匠桥: .*${chosen}`, "m"));
    await page.getByRole("link", { name: "需求看板" }).click();
    await page.getByRole("link", { name: /已对接 \(1\)/ }).click();
    await expect(page.locator("table.list tbody tr", { hasText: "R-0001" }).textContent()).resolves.toContain("已对接");
    await page.getByRole("link", { name: "R-0001" }).click();
    const timeline = (await page.locator("ol.timeline").textContent()) ?? "";
    expect(timeline).toContain(`${chosen}接受`);
    expect(timeline).toContain("已在群内介绍");
    expect(await page.locator("table.candidates tbody tr", { hasText: chosen }).textContent()).toContain("已接受");

    // Closing asks first, then runs the chat's /close.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "关闭需求" }).click();
    await page.getByText("需求 R-0001 已关闭").waitFor();
    expect(await page.locator("dl.facts").textContent()).toContain("已结束");
    expect(await page.locator("ol.timeline").textContent()).toContain("需求关闭");

    // The day's figures are the digest's own.
    const digest = (await b.run(["/as 工会小陈", "/in dm", "/digest"])).join("\n");
    const offers = /邀请 \d+ 次：接受 \d+，婉拒 \d+，超时未复 \d+；成功对接 \d+ 项/.exec(digest)?.[0];
    expect(offers, digest).toBeDefined();
    expect(digest).toContain("新需求 1 条");
    await page.getByRole("link", { name: "项目概况" }).click();
    await page.getByRole("link", { name: "近 1 天" }).click();
    const summary = (await page.locator("main > p").first().textContent()) ?? "";
    expect(summary).toContain("新需求 1 条");
    expect(summary).toContain(offers);
    expect(summary).toContain("成功对接 1 项");
    await page.getByRole("img", { name: "对接漏斗" }).waitFor();

    // The day's figures as a file, and the roster as CSV: the expert of the day is in it, with its headers.
    const figures = await downloaded(page, page.getByRole("link", { name: "CSV" }).first());
    expect(figures).toContain("对接漏斗");
    expect(figures).toMatch(/成功对接,1\r\n/);
    expect(figures).toContain("佛山,1");
    const workbook = await downloaded(page, page.getByRole("link", { name: "XLSX" }).first());
    expect(workbook.startsWith("PK")).toBe(true);
    const exported = await downloaded(page, page.getByRole("link", { name: "CSV（含演示专家）" }));
    expect(exported).toContain("编号");
    expect(exported).toContain(chosenId);
    expect(exported).toContain(chosen);

    // Import a roster change: the expert moved to another employer, and a new expert joins.
    const expert = await b.app.services.db.expert.findUniqueOrThrow({ where: { externalId: chosenId } });
    const cells = (values: string[]) =>
      values.map((value) => (/[,"\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)).join(",");
    const file = writeCsv(tempDir(), "名册更新.csv", [
      chineseHeader,
      cells([
        chosenId,
        chosen,
        JSON.parse(expert.honours).join("；"),
        "佛山智能装备研究院",
        expert.title,
        expert.city,
        "精密制造",
        JSON.parse(expert.skills).join("；"),
        expert.achievements,
        "现场、远程",
        expert.phone ?? "",
      ]),
      cells([
        "G201",
        "冯嘉欣",
        "南粤工匠",
        "佛山陶瓷研究所",
        "高级工程师",
        "佛山",
        "精密制造",
        "窑炉控制；陶瓷烧成",
        "烧成曲线优化",
        "远程",
        "13900002201",
      ]),
    ]);
    await page.getByLabel("导入名册（CSV 或 XLSX）").setInputFiles(file);
    await page.getByRole("button", { name: "上传并导入" }).click();
    const report = (await page.getByRole("status").textContent()) ?? "";
    expect(report).toMatch(/新增 1/);
    expect(report).toMatch(/更新 1/);
    await page.goto(`${app.url}/experts/${chosenId}`);
    expect(await page.locator("dl.facts").textContent()).toContain("佛山智能装备研究院");
  }, 240_000); // A whole day in one journey: longer than one step on a busy machine.
});
