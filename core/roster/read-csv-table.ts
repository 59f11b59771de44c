// CSV bytes -> raw rows with their line numbers. UTF-8 with or without BOM; GB18030 when the bytes are not UTF-8,
// because Excel on Chinese Windows saves "CSV" that way.
import { parse } from "csv-parse/sync";
import { RosterError } from "./roster-error.ts";
import type { RawRow } from "./roster-types.ts";

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

export function readCsvTable(bytes: Uint8Array): RawRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(decode(bytes), { info: true, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    throw new RosterError("malformed_file", error instanceof Error ? error.message : String(error), { cause: error });
  }
  // csv-parse reports the line a record ends on; a quoted cell may span lines, so a row starts after the last one.
  let previousEnd = 0;
  return records.map(({ record, info }) => {
    const row = { row: previousEnd + 1, cells: record };
    previousEnd = info.lines;
    return row;
  });
}
