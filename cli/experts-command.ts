// `craftbridge experts import FILE` and `craftbridge experts export FILE` (contract 1 in DESIGN.md).
// The roster modules load when a command runs: exceljs alone would add about a second to every start.
import type { Command } from "commander";
import { translator } from "../core/i18n.ts";
import { RosterError } from "../core/roster/roster-error.ts";
import { rosterReportLines } from "../core/roster/roster-report.ts";
import { closeDatabase, openDatabase } from "../prisma/client.ts";
import { configOrReport } from "./config-or-report.ts";

export function registerExpertsCommand(program: Command): void {
  const experts = program.command("experts").description("the roster of model workers and craftsmen");
  experts
    .command("import")
    .description("import a roster file (CSV or XLSX, English or Chinese headers), upserting by id")
    .argument("<file>", "roster file")
    .option("--json", "print the report as JSON")
    .action(async (file: string, options: { json?: boolean }) => {
      process.exitCode = await runImport(file, Boolean(options.json));
    });
  experts
    .command("export")
    .description("write the roster to a CSV or XLSX file, formulas neutralised")
    .argument("<file>", "output file (.csv or .xlsx)")
    .option("--zh", "Chinese headers")
    .option("--include-demo", "include demo experts")
    .action(async (file: string, options: { zh?: boolean; includeDemo?: boolean }) => {
      process.exitCode = await runExport(file, options);
    });
}

async function runImport(file: string, json: boolean): Promise<number> {
  const config = configOrReport();
  if (!config) return 2;
  const t = translator(config.DEFAULT_LOCALE);
  const [{ readRosterFile }, { importRoster }] = await Promise.all([
    import("../core/roster/read-roster-file.ts"),
    import("../prisma/roster/import-roster.ts"),
  ]);
  let read: Awaited<ReturnType<typeof readRosterFile>>;
  try {
    read = await readRosterFile(file);
  } catch (error) {
    if (error instanceof RosterError) {
      process.stderr.write(`${t(`roster.errors.${error.code}`, { file, detail: error.detail ?? "" })}\n`);
      return 1;
    }
    throw error;
  }
  const db = await openDatabase(config.DATABASE_URL);
  try {
    const counts = await importRoster(db, read.rows);
    const report = { ...counts, rejected: read.rejected, warnings: read.warnings };
    process.stdout.write(`${json ? JSON.stringify(report) : rosterReportLines(t, report).join("\n")}\n`);
    return read.rejected.length > 0 ? 3 : 0;
  } finally {
    await closeDatabase(db);
  }
}

async function runExport(file: string, options: { zh?: boolean; includeDemo?: boolean }): Promise<number> {
  const config = configOrReport();
  if (!config) return 2;
  const t = translator(config.DEFAULT_LOCALE);
  const { exportRoster } = await import("../prisma/roster/export-roster.ts");
  const db = await openDatabase(config.DATABASE_URL);
  try {
    const count = await exportRoster(db, file, {
      language: options.zh ? "zh" : "en",
      includeDemo: options.includeDemo,
    });
    process.stdout.write(`${t("roster.exported", { count, file })}\n`);
    return 0;
  } catch (error) {
    if (error instanceof RosterError) {
      process.stderr.write(`${t(`roster.errors.${error.code}`, { file, detail: error.detail ?? "" })}\n`);
      return 1;
    }
    throw error;
  } finally {
    await closeDatabase(db);
  }
}
