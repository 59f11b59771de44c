// Writes roster files into a fresh temp folder, as a union staff member would save them.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "roster-"));
}

export function writeCsv(dir: string, name: string, lines: string[], options: { bom?: boolean } = {}): string {
  const file = path.join(dir, name);
  writeFileSync(file, `${options.bom ? "\uFEFF" : ""}${lines.join("\r\n")}\r\n`, "utf8");
  return file;
}

export async function writeXlsx(dir: string, name: string, rows: ExcelJS.CellValue[][]): Promise<string> {
  const file = path.join(dir, name);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("名单");
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
  return file;
}
