// The monthly report as a table: headers and cells in the reader's language, formulas neutralised the way
// the roster export does it (a city typed by an enterprise reaches the spreadsheet too), CSV or XLSX.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Locale, Translate } from "../../core/i18n.ts";
import { cityLabel } from "../../core/label.ts";
import { teamLabel } from "../../core/request-format.ts";
import { neutraliseCell } from "../../prisma/roster/export-roster.ts";
import { type ReportRow, reportTotal } from "./monthly-report.ts";

const columns = ["team", "city", "requests", "offers", "accepted", "introduced", "solved", "rating"] as const;

export type ReportFormat = "csv" | "xlsx";

/** csv or xlsx from a file name, or null for anything else. */
export function reportFormat(file: string): ReportFormat | null {
  const extension = path.extname(file).toLowerCase();
  return extension === ".csv" ? "csv" : extension === ".xlsx" ? "xlsx" : null;
}

/** Header row, one row per team and city, and a total row; every text cell neutralised. */
export function reportTable(rows: readonly ReportRow[], t: Translate, locale: Locale): (string | number)[][] {
  const header = columns.map((column) => t(`report.headers.${column}`));
  const line = (row: ReportRow, team: string, city: string) => [
    neutraliseCell(team),
    neutraliseCell(city),
    row.requests,
    row.offers,
    row.accepted,
    row.introduced,
    row.solved,
    row.rating === null ? "" : Math.round(row.rating * 10) / 10,
  ];
  const body = rows.map((row) =>
    line(
      row,
      teamLabel(row.team, locale) ?? row.team ?? t("report.no_team"),
      row.city ? cityLabel(row.city, locale) : t("report.no_city"),
    ),
  );
  return [header, ...body, line(reportTotal(rows), t("report.total"), "")];
}

const csvQuote = (cell: string | number) => {
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function reportCsv(table: (string | number)[][]): string {
  return `${table.map((cells) => cells.map(csvQuote).join(",")).join("\r\n")}\r\n`;
}

export async function writeReport(file: string, table: (string | number)[][], sheetName: string): Promise<void> {
  if (reportFormat(file) === "csv") {
    // The BOM makes Excel open the file as UTF-8 rather than the system code page.
    await writeFile(file, `\uFEFF${reportCsv(table)}`, "utf8");
    return;
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  const [header, ...rows] = table;
  if (header) sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
}
