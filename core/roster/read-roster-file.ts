// Reads a roster file (CSV or XLSX, English or Chinese headers) into validated rows. A file that cannot be read
// as a roster throws RosterError; a bad row is reported in `rejected` and the rest still comes through.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { readCsvTable } from "./read-csv-table.ts";
import { readXlsxSheets } from "./read-xlsx-table.ts";
import { RosterError } from "./roster-error.ts";
import type { RawRow, RosterReadResult } from "./roster-types.ts";
import { findHeader, rowsFromTable } from "./rows-from-table.ts";

export { RosterError } from "./roster-error.ts";
export type { RosterReadResult, RosterRejection, RosterRow, RosterWarning } from "./roster-types.ts";

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new RosterError("file_not_found", file, { cause: error });
  }
}

/** The first sheet whose top rows hold a roster header; otherwise the first sheet's own error. */
function pickSheet(sheets: RawRow[][]): RawRow[] {
  let firstError: unknown;
  for (const sheet of sheets) {
    try {
      findHeader(sheet);
      return sheet;
    } catch (error) {
      firstError ??= error;
    }
  }
  throw firstError ?? new RosterError("empty_file");
}

/** Bounds on what one file may hold. */
export interface RosterLimits {
  /** Data rows (the header and title lines not counted). */
  maxRows?: number;
}

export async function readRosterFile(file: string, limits: RosterLimits = {}): Promise<RosterReadResult> {
  const extension = path.extname(file).toLowerCase();
  if (extension !== ".csv" && extension !== ".xlsx") throw new RosterError("unsupported_format", extension || file);
  const bytes = await readBytes(file);
  const table = extension === ".csv" ? readCsvTable(bytes) : pickSheet(await readXlsxSheets(bytes));
  return rowsFromTable(table, limits.maxRows);
}
