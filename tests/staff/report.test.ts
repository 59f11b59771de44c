// `craftbridge report --month`: the month's figures per service team and city, as CSV or XLSX, with
// formulas typed into the chat neutralised before they reach a spreadsheet.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monthOf, monthRange } from "../../core/calendar.ts";
import { translator } from "../../core/i18n.ts";
import { monthlyReport } from "../../handlers/staff/monthly-report.ts";
import { reportCsv, reportTable } from "../../handlers/staff/report-file.ts";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

const group = "东莞制造企业群";
const manager = "东莞精工科技-王经理";
const month = monthOf(new Date());
const out = mkdtempSync(path.join(tmpdir(), "craftbridge-report-"));

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
  const lines = await bot.run([
    `/in ${group}`,
    `/as ${manager}`,
    "@匠桥 我们厂在东莞，数控加工的薄壁件变形严重，想请专家下周来现场指导",
    "@匠桥 我们公司在深圳，无人机飞控调试经常失控，想请专家远程指导",
  ]);
  const offer = lines.find((line) => line.startsWith("[dm:") && line.includes("R-0001") && line.includes("[1:接受]"));
  const expert = /^\[dm:([^\]]+)\]/.exec(offer ?? "")?.[1];
  if (!expert) throw new Error(`no offer for R-0001 in:\n${lines.join("\n")}`);
  await bot.run([`/as ${expert}`, "/in dm", "接受 R-0001"]);
  await bot.run([`/as ${manager}`, `/in ${group}`, "@匠桥 R-0001 问题解决了，5分"]);
  // A city as an enterprise might type it, which a spreadsheet would run as a formula.
  const { db } = bot.app.services;
  const first = await db.helpRequest.findUniqueOrThrow({ where: { code: "R-0001" } });
  await db.helpRequest.create({
    data: {
      code: "R-0099",
      chatId: first.chatId,
      requesterId: first.requesterId,
      text: "test",
      city: "=1+2",
      status: "closed",
    },
  });
});
afterAll(async () => {
  await bot.stop();
  rmSync(out, { recursive: true, force: true });
});

function craftbridge(args: string[]) {
  const result = spawnSync(process.execPath, ["bin/craftbridge.js", ...args], {
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, DATABASE_URL: bot.app.services.config.DATABASE_URL, LOG_LEVEL: "" },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the monthly report", () => {
  it("counts requests, offers, acceptances, introductions, outcomes and ratings per team and city", async () => {
    const { db } = bot.app.services;
    const range = monthRange(month);
    if (!range) throw new Error("no range");
    const offers = await db.match.count({ where: { offeredAt: { not: null }, request: { code: "R-0002" } } });
    const csv = reportCsv(reportTable(await monthlyReport(db, range), translator("zh-CN"), "zh-CN"));
    expect(csv.split("\r\n")).toEqual([
      "服务队,城市,需求数,邀请数,接受数,对接数,解决数,平均评分",
      `数字低空,深圳,1,${offers},0,0,0,`,
      "精密制造,东莞,1,1,1,1,1,5",
      "未分服务队,'=1+2,1,0,0,0,0,",
      `合计,,3,${offers + 1},1,1,1,5`,
      "",
    ]);
  });

  it("is written as CSV by the command line, in English when asked", () => {
    const file = path.join(out, "report.csv");
    const run = craftbridge(["report", "--month", month, "--out", file, "--lang", "en"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Wrote ${file}: ${month}, 3 rows.`);
    const lines = readFileSync(file, "utf8")
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(lines[0]).toBe("Service team,City,Requests,Offers,Accepted,Introduced,Solved,Average rating");
    expect(lines).toContain("Precision Manufacturing,Dongguan,1,1,1,1,1,5");
    expect(lines).toContain("(no team),'=1+2,1,0,0,0,0,");
  });

  it("is written as XLSX, with numbers as numbers and the formula as text", async () => {
    const file = path.join(out, "report.xlsx");
    const run = craftbridge(["report", "--month", month, "--out", file]);
    expect(run.code, run.stderr).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error("no sheet");
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]?.slice(1)).toEqual(["服务队", "城市", "需求数", "邀请数", "接受数", "对接数", "解决数", "平均评分"]);
    expect(rows.find((row) => row[1] === "精密制造")?.slice(1)).toEqual(["精密制造", "东莞", 1, 1, 1, 1, 1, 5]);
    expect(rows.find((row) => row[1] === "未分服务队")?.[2]).toBe("'=1+2");
  });

  it("prints CSV without --out, and a month with nothing is a total of zeros", () => {
    const run = craftbridge(["report", "--month", "2020-01"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split("\r\n")).toEqual([
      "服务队,城市,需求数,邀请数,接受数,对接数,解决数,平均评分",
      "合计,,0,0,0,0,0,",
      "",
    ]);
  });

  it("refuses a month it cannot read and a file type it cannot write", () => {
    const badMonth = craftbridge(["report", "--month", "2026-13"]);
    expect(badMonth.code).toBe(1);
    expect(badMonth.stderr).toContain("2026-11 这样的格式");
    const badFile = craftbridge(["report", "--month", month, "--out", path.join(out, "report.pdf")]);
    expect(badFile.code).toBe(1);
    expect(badFile.stderr).toContain("只能写成 .csv 或 .xlsx");
  });
});
