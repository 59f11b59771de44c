// Raw rows (header somewhere near the top, then data) -> validated roster rows and row-level rejections.
import { normaliseCity } from "./normalise-city.ts";
import { normalisePhone } from "./normalise-phone.ts";
import { parseModes } from "./parse-modes.ts";
import { resolveTeam } from "./resolve-team.ts";
import { RosterError } from "./roster-error.ts";
import { isRosterHeader, mapHeader, type RosterField, rosterFields } from "./roster-headers.ts";
import type { RawRow, RosterReadResult } from "./roster-types.ts";
import { splitList } from "./split-list.ts";

// Spreadsheets often open with a title line or two ("2024年劳模工匠名单") above the header.
const headerSearchRows = 10;

const isBlank = (row: RawRow) => row.cells.every((cell) => cell.trim() === "");

/** Finds the header among the first non-empty rows; throws RosterError when there is none. */
export function findHeader(rows: RawRow[]): { index: number; columns: Partial<Record<RosterField, number>> } {
  const candidates = rows.map((row, index) => ({ row, index })).filter(({ row }) => !isBlank(row));
  const first = candidates[0];
  if (!first) throw new RosterError("empty_file");
  for (const { row, index } of candidates.slice(0, headerSearchRows)) {
    const columns = mapHeader(row.cells);
    if (isRosterHeader(columns)) return { index, columns };
  }
  throw new RosterError("unknown_header", first.row.cells.map((cell) => cell.trim()).join(","));
}

export function rowsFromTable(rows: RawRow[], maxRows = Number.POSITIVE_INFINITY): RosterReadResult {
  const { index, columns } = findHeader(rows);
  if (rows.length - index - 1 > maxRows) throw new RosterError("too_large", `> ${maxRows}`);
  const result: RosterReadResult = { rows: [], rejected: [], warnings: [] };
  const seen = new Set<string>();
  const absent = rosterFields.filter((field) => columns[field] === undefined);

  for (const raw of rows.slice(index + 1)) {
    if (isBlank(raw)) continue;
    const cell = (field: RosterField) => {
      const column = columns[field];
      return column === undefined ? "" : (raw.cells[column] ?? "").trim();
    };
    const id = cell("id");
    if (id === "") {
      result.rejected.push({ row: raw.row, reason: "missing_id" });
      continue;
    }
    if (seen.has(id)) {
      result.rejected.push({ row: raw.row, reason: "duplicate_id", detail: id });
      continue;
    }
    seen.add(id);
    const name = cell("name");
    if (name === "") {
      result.rejected.push({ row: raw.row, reason: "missing_name", detail: id });
      continue;
    }
    const phone = normalisePhone(cell("phone"));
    if (!phone.ok) {
      result.rejected.push({ row: raw.row, reason: "bad_phone", detail: cell("phone") });
      continue;
    }
    const modes = parseModes(cell("modes"));
    if (!modes) {
      result.rejected.push({ row: raw.row, reason: "unknown_mode", detail: cell("modes") });
      continue;
    }
    const place = normaliseCity(cell("city"));
    if (!place.known) result.warnings.push({ row: raw.row, code: "unknown_city", detail: cell("city") });
    const teamKey = resolveTeam(cell("team"));
    if (teamKey === null && cell("team") !== "") {
      result.warnings.push({ row: raw.row, code: "unknown_team", detail: cell("team") });
    }
    result.rows.push({
      row: raw.row,
      id,
      name,
      honours: splitList(cell("honours")),
      employer: cell("employer"),
      title: cell("title"),
      city: place.city,
      district: cell("district") || place.district,
      teamKey,
      skills: splitList(cell("skills")),
      achievements: cell("achievements"),
      canOnsite: modes.canOnsite,
      canRemote: modes.canRemote,
      cities: splitList(cell("cities")).map((city) => normaliseCity(city).city),
      phone: phone.phone,
      ...(absent.length ? { absent } : {}),
    });
  }
  return result;
}
