// `craftbridge report --month 2026-11 [--out FILE.csv|.xlsx] [--lang zh-CN|en]`: the monthly figures per
// service team and city for reporting upward; CSV on standard output without --out. The report file module
// (and exceljs with it) loads when the command runs, not at every start.
import type { Command } from "commander";
import { monthOf, monthRange } from "../core/calendar.ts";
import { isLocale, translator } from "../core/i18n.ts";
import { monthlyReport } from "../handlers/staff/monthly-report.ts";
import { closeDatabase, openDatabase } from "../prisma/client.ts";
import { configOrReport } from "./config-or-report.ts";

interface ReportOptions {
  month?: string;
  out?: string;
  lang?: string;
}

export function registerReportCommand(program: Command): void {
  program
    .command("report")
    .description(
      "monthly report per service team and city: requests, offers, accepted, introduced, solved, average rating",
    )
    .option("--month <month>", "the month, e.g. 2026-11 (default: this month, Asia/Shanghai)")
    .option("--out <file>", "write a .csv or .xlsx file instead of printing CSV")
    .option("--lang <locale>", "zh-CN or en (default: DEFAULT_LOCALE)")
    .action(async (options: ReportOptions) => {
      process.exitCode = await runReport(options);
    });
}

async function runReport(options: ReportOptions): Promise<number> {
  const config = configOrReport();
  if (!config) return 2;
  const locale = isLocale(options.lang) ? options.lang : config.DEFAULT_LOCALE;
  const t = translator(locale);
  const month = options.month ?? monthOf(new Date());
  const { reportCsv, reportFormat, reportTable, writeReport } = await import("../handlers/staff/report-file.ts");
  const range = monthRange(month);
  if (!range) {
    process.stderr.write(`${t("report.bad_month", { month })}\n`);
    return 1;
  }
  if (options.out && !reportFormat(options.out)) {
    process.stderr.write(`${t("report.bad_format", { file: options.out })}\n`);
    return 1;
  }
  const db = await openDatabase(config.DATABASE_URL);
  try {
    const rows = await monthlyReport(db, range);
    const table = reportTable(rows, t, locale);
    if (!options.out) {
      process.stdout.write(reportCsv(table));
      return 0;
    }
    await writeReport(options.out, table, t("report.sheet"));
    process.stdout.write(`${t("report.written", { file: options.out, month, rows: rows.length })}\n`);
    return 0;
  } finally {
    await closeDatabase(db);
  }
}
