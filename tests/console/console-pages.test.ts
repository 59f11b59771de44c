// The console's other pages in the browser: an expert found by the matcher's search and its profile,
// the programme's charts, and a roster imported by upload with the chat's report.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chatRoster, csvBytes, tempDir } from "../roster/roster-files.ts";
import { useTestBots } from "../support/bots.ts";
import { useConsole } from "./console-browser.ts";

const bot = useTestBots();
const consoleFor = useConsole();

describe("the staff console's pages", () => {
  it("finds experts with the matcher and opens a profile with its phone, calendar and edit form", async () => {
    const b = await bot();
    const app = await consoleFor(b);
    const page = await app.logIn(await app.linkFor("工会小陈"));
    await page.getByRole("link", { name: "专家库" }).click();
    await page.getByRole("searchbox").fill("数控加工 东莞");
    await page.getByRole("button", { name: "搜索" }).click();
    await page.getByRole("columnheader", { name: "推荐理由" }).waitFor();
    // What was searched for stays out of the address (it may be a phone number).
    expect(page.url()).not.toContain("q=");
    expect(await page.textContent("main")).toContain("擅长");
    const first = page.locator("table.list tbody tr td:nth-child(2) a").first();
    const name = (await first.textContent()) ?? "";
    await first.click();
    await page.getByRole("heading", { name }).waitFor();
    const expert = await b.app.services.db.expert.findFirstOrThrow({ where: { name } });
    const main = (await page.textContent("main")) ?? "";
    expect(main).toContain("空闲时间");
    if (expert.phone) expect(main).toContain(expert.phone);
    // An edit is checked as a roster row is.
    await page.getByLabel("城市").fill("火星");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByText("“火星”不是广东省的地级市。").waitFor();
    await page.getByLabel("城市").fill("佛山");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByText(`已保存${name}的档案。`).waitFor();
    const saved = await b.app.services.db.expert.findUniqueOrThrow({ where: { id: expert.id } });
    expect(saved.city).toBe("佛山");
  });

  it("imports a roster file uploaded on the programme page, with the chat's report", async () => {
    const b = await bot();
    const app = await consoleFor(b);
    const page = await app.logIn(await app.linkFor("工会小陈"));
    await page.getByRole("link", { name: "项目概况" }).click();
    await page.getByRole("img", { name: "对接漏斗" }).waitFor();
    const file = path.join(tempDir(), "名册.csv");
    writeFileSync(file, csvBytes(chatRoster));
    await page.getByLabel("导入名册（CSV 或 XLSX）").setInputFiles(file);
    await page.getByRole("button", { name: "上传并导入" }).click();
    const report = (await page.getByRole("status").textContent()) ?? "";
    expect(report).toMatch(/新增 2/);
    expect(report).toContain("第 4 行");
    const imported = await b.app.services.db.expert.findUnique({ where: { externalId: "G101" } });
    expect(imported?.name).toBe("钟伟强");
  });
});
