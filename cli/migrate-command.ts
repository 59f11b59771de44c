// `craftbridge migrate`: applies the committed migrations to DATABASE_URL and exits. Every process also
// applies them at start; on several machines, run this once before rolling out a release.
import type { Command } from "commander";
import { closeDatabase, openDatabase } from "../prisma/client.ts";
import { committedMigrationsOf, missingMigrations } from "../prisma/readiness.ts";
import { configOrReport } from "./config-or-report.ts";

export function registerMigrateCommand(program: Command): void {
  program
    .command("migrate")
    .description("apply the committed database migrations to DATABASE_URL and exit")
    .action(async () => {
      process.exitCode = await runMigrate();
    });
}

async function runMigrate(): Promise<number> {
  const config = configOrReport();
  if (!config) return 2;
  const db = await openDatabase(config.DATABASE_URL);
  try {
    const missing = await missingMigrations(db);
    if (missing.length > 0) {
      process.stderr.write(`Migrations not applied: ${missing.join(", ")}\n`);
      return 1;
    }
    const committed = committedMigrationsOf(db);
    process.stdout.write(`Database up to date: ${committed.length} migrations, the last ${committed.at(-1)}\n`);
    return 0;
  } finally {
    await closeDatabase(db);
  }
}
