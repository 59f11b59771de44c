// `craftbridge migrate` as an operator runs it once before a rolling release: a new database gets every
// committed migration, a second run finds nothing to do, and neither starts the bot.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { committedMigrations } from "../../prisma/migrate.ts";

const dir = mkdtempSync(path.join(tmpdir(), "craftbridge-migrate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function migrate() {
  return spawnSync(process.execPath, ["bin/craftbridge.js", "migrate"], {
    encoding: "utf8",
    timeout: 60_000,
    // No Redis at all: migrating needs the database only.
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "fresh.db")}`, REDIS_URL: "redis://127.0.0.1:1" },
  });
}

describe("craftbridge migrate", () => {
  it("brings a new database up to date, then finds it so, without Redis", () => {
    const committed = committedMigrations();
    const last = committed.at(-1) ?? "";
    for (const run of [migrate(), migrate()]) {
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toBe(`Database up to date: ${committed.length} migrations, the last ${last}\n`);
    }
  });
});
