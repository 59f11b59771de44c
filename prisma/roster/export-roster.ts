// Writes the experts of the database as a roster file (CSV or XLSX by extension) that readRosterFile reads back.
// Cells that a spreadsheet would run as a formula are neutralised with a leading apostrophe.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { serviceTeams } from "../../core/roster/resolve-team.ts";
import { RosterError } from "../../core/roster/roster-error.ts";
import { chineseHeaders, englishHeaders, type RosterField, rosterFields } from "../../core/roster/roster-headers.ts";
import type { Db } from "../client.ts";
import type { Expert } from "../generated/client.ts";

export interface ExportOptions {
  /** Header language; English by default, as the roster contract names it. */
  language?: "en" | "zh";
  /** Demo experts are left out unless asked for. */
  includeDemo?: boolean;
}

/** Text a spreadsheet would treat as a formula (or DDE payload) gets a leading apostrophe. */
export function neutraliseCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const parseList = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.map(String) : [];
};

function modesText(expert: Expert, language: "en" | "zh"): string {
  const modes = [
    expert.canOnsite ? (language === "zh" ? "现场" : "onsite") : null,
    expert.canRemote ? (language === "zh" ? "远程" : "remote") : null,
  ].filter((mode) => mode !== null);
  return modes.join(language === "zh" ? "、" : ";");
}

// Team names people recognise rather than keys; the reader maps either back to the key.
function teamName(key: string | null, language: "en" | "zh"): string {
  const team = serviceTeams.find((entry) => entry.key === key);
  if (!team) return key ?? "";
  return language === "zh" ? team.zh : team.en;
}

function expertCells(expert: Expert, language: "en" | "zh"): Record<RosterField, string> {
  const list = (json: string) => parseList(json).join(language === "zh" ? "、" : ";");
  return {
    id: expert.externalId,
    name: expert.name,
    honours: list(expert.honours),
    employer: expert.employer,
    title: expert.title,
    city: expert.city,
    team: teamName(expert.teamKey, language),
    skills: list(expert.skills),
    achievements: expert.achievements,
    modes: modesText(expert, language),
    phone: expert.phone ?? "",
    district: expert.district ?? "",
    cities: list(expert.cities),
  };
}

const csvQuote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** Writes the roster and returns how many experts it holds. */
export async function exportRoster(db: Db, file: string, options: ExportOptions = {}): Promise<number> {
  const extension = path.extname(file).toLowerCase();
  if (extension !== ".csv" && extension !== ".xlsx") throw new RosterError("unsupported_format", extension || file);
  const language = options.language ?? "en";
  const experts = await db.expert.findMany({
    where: options.includeDemo ? {} : { isDemo: false },
    orderBy: { externalId: "asc" },
  });
  const headers = language === "zh" ? chineseHeaders : englishHeaders;
  const header = rosterFields.map((field) => headers[field]);
  const rows = experts.map((expert) => {
    const cells = expertCells(expert, language);
    return rosterFields.map((field) => neutraliseCell(cells[field]));
  });

  if (extension === ".csv") {
    const lines = [header, ...rows].map((cells) => cells.map(csvQuote).join(","));
    // The BOM makes Excel open the file as UTF-8 rather than the system code page.
    await writeFile(file, `\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
  } else {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(language === "zh" ? "劳模工匠名单" : "experts");
    sheet.addRow(header).font = { bold: true };
    for (const cells of rows) sheet.addRow(cells);
    await workbook.xlsx.writeFile(file);
  }
  return experts.length;
}
