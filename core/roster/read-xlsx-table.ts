// XLSX -> raw rows of text. Every cell is read as text; formulas are never evaluated (their cached result, or
// else the formula text, is what the sheet shows).
import ExcelJS from "exceljs";
import { RosterError } from "./roster-error.ts";
import type { RawRow } from "./roster-types.ts";

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = value.result;
    if (result !== undefined && result !== null && !(typeof result === "object" && "error" in result)) {
      return cellText(result as ExcelJS.CellValue);
    }
    return `=${"formula" in value ? value.formula : value.sharedFormula}`;
  }
  if ("hyperlink" in value) return cellText(value.text as ExcelJS.CellValue);
  if ("error" in value) return String(value.error);
  return "";
}

/** Rows of every worksheet, first sheet first; the caller picks the one with a roster header. */
export async function readXlsxSheets(bytes: Uint8Array): Promise<RawRow[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new RosterError("malformed_file", error instanceof Error ? error.message : String(error), { cause: error });
  }
  return workbook.worksheets.map((sheet) => {
    const rows: RawRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = cellText(cell.value);
      });
      rows.push({ row: rowNumber, cells: Array.from(cells, (cell) => cell ?? "") });
    });
    return rows;
  });
}
