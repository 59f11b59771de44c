// `craftbridge match --experts FILE --requests FILE.jsonl --top N` (contract 2 in DESIGN.md):
// one JSON line per request with the roster's own ids, scores and reasons rendered in zh-CN. Batch matching
// (and the roster readers with exceljs) loads when the command runs, not at every start.
import type { Command } from "commander";
import { translator } from "../core/i18n.ts";
import { RosterError } from "../core/roster/roster-error.ts";
import { configOrReport } from "./config-or-report.ts";

interface MatchOptions {
  experts?: string;
  requests: string;
  top: string;
  database?: string;
  now?: string;
}

export function registerMatchCommand(program: Command): void {
  program
    .command("match")
    .description("rank experts for every request line; prints one JSON line per request")
    .requiredOption("--requests <file>", 'requests, one {"id","text"} JSON object per line')
    .option("--experts <file>", "roster file (CSV or XLSX), ranked in a throwaway database")
    .option("--database <url>", "database to read experts from instead of the configured one")
    .option("--top <n>", "experts per request", "10")
    .option("--now <iso>", "reference time for availability and load (ISO 8601)")
    .action(async (options: MatchOptions) => {
      process.exitCode = await runMatch(options);
    });
}

function databaseUrl(options: MatchOptions): string | null {
  if (options.database) return options.database;
  return configOrReport()?.DATABASE_URL ?? null;
}

async function runMatch(options: MatchOptions): Promise<number> {
  const t = translator("zh-CN");
  const top = Number.parseInt(options.top, 10);
  const now = options.now ? new Date(options.now) : new Date();
  if (!Number.isFinite(top) || top < 1 || Number.isNaN(now.getTime())) {
    process.stderr.write(`${JSON.stringify({ error: "bad_option", top: options.top, now: options.now ?? null })}\n`);
    return 2;
  }
  const database = options.experts ? undefined : databaseUrl(options);
  if (!options.experts && !database) return 2;
  const { runBatchMatch } = await import("../jobs/matching/batch-match.ts");
  try {
    const result = await runBatchMatch({
      experts: options.experts,
      database: database ?? undefined,
      requests: options.requests,
      top,
      now,
      t,
    });
    for (const rejection of result.rejected) {
      const reason = t(`roster.reasons.${rejection.reason}`);
      process.stderr.write(
        `${t("roster.rejected_row", { row: rejection.row, reason, detail: rejection.detail ?? "" })}\n`,
      );
    }
    for (const line of result.badLines)
      process.stderr.write(`${JSON.stringify({ error: "bad_request_line", line })}\n`);
    for (const line of result.lines) process.stdout.write(`${JSON.stringify(line)}\n`);
    return result.badLines.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof RosterError) {
      process.stderr.write(
        `${t(`roster.errors.${error.code}`, { file: options.experts, detail: error.detail ?? "" })}\n`,
      );
      return 1;
    }
    if (error instanceof Error && "code" in error && error.code === "ENOENT") {
      process.stderr.write(`${JSON.stringify({ error: "file_not_found", file: options.requests })}\n`);
      return 1;
    }
    throw error;
  }
}
