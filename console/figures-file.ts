// The programme's figures as a file: each chart a block (its title, a header row, its rows), in CSV with a
// BOM so Excel reads the Chinese, or in XLSX with one sheet.
import ExcelJS from "exceljs";
import type { FigureTable } from "./pages/programme-page.ts";

export const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function lines(tables: readonly FigureTable[]): (string | number)[][] {
  const out: (string | number)[][] = [];
  for (const table of tables) {
    if (out.length > 0) out.push([]);
    out.push([table.title], ["", ...table.series]);
    for (const row of table.rows) out.push([row.label, ...row.values]);
  }
  return out;
}

function csvCell(value: string | number): string {
  const text = String(value);
  // A cell starting with = + - @ would be a formula in a spreadsheet: quote it as text.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function figuresCsv(tables: readonly FigureTable[]): Uint8Array<ArrayBuffer> {
  const text = lines(tables)
    .map((row) => row.map(csvCell).join(","))
    .join("\r\n");
  return new TextEncoder().encode(`\uFEFF${text}\r\n`);
}

export async function figuresXlsx(tables: readonly FigureTable[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("figures");
  for (const row of lines(tables)) sheet.addRow(row);
  sheet.getColumn(1).width = 28;
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
