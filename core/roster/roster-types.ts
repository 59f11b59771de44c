// The shape of a roster once read: clean rows for import, and row-level problems as codes the caller renders.
import type { RosterField } from "./roster-headers.ts";

/** One expert as the roster describes them, normalised (city without 市, team as a key, lists split). */
export interface RosterRow {
  /** 1-based line (CSV) or row (XLSX) in the file, header included. */
  row: number;
  /** The roster's own id (E0001); imports upsert by it. */
  id: string;
  name: string;
  honours: string[];
  employer: string;
  title: string;
  /** Canonical Chinese city name without 市 ("东莞"), or whatever the roster wrote outside Guangdong; "" if empty. */
  city: string;
  district: string | null;
  /** Key of teams.json, or null when the cell is empty or names no known team. */
  teamKey: string | null;
  skills: string[];
  /** Free text, never split. */
  achievements: string;
  canOnsite: boolean;
  canRemote: boolean;
  /** Further cities the expert can reach (optional column). */
  cities: string[];
  /** 11-digit mobile or "area-number" landline; null when absent. */
  phone: string | null;
  /**
   * Fields the file has no column for: an import leaves them as they are on an expert it updates
   * (a file of `编号,姓名` renames, it does not blank the rest). None when absent.
   */
  absent?: RosterField[];
}

/** Why a row was left out. */
export type RosterRejectReason = "missing_id" | "missing_name" | "duplicate_id" | "bad_phone" | "unknown_mode";

/** A row kept, but with a value the reader could not place. */
export type RosterWarningCode = "unknown_team" | "unknown_city";

export interface RosterRejection {
  row: number;
  reason: RosterRejectReason;
  /** The offending value (the id, phone or mode cell). */
  detail?: string;
}

export interface RosterWarning {
  row: number;
  code: RosterWarningCode;
  detail: string;
}

export interface RosterReadResult {
  rows: RosterRow[];
  rejected: RosterRejection[];
  warnings: RosterWarning[];
}

/** A row of raw cells as text, with its position in the file. */
export interface RawRow {
  row: number;
  cells: string[];
}

/** How many rows an import created, changed and left as they were. */
export interface ImportCounts {
  imported: number;
  updated: number;
  unchanged: number;
  /** Rows of experts who had their data erased (删除我的信息): never brought back. Only when there were any. */
  erased?: number;
}
