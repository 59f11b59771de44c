// Applies prisma/migrations at start, in process and in milliseconds, recording each one in
// Prisma's own `_prisma_migrations` table so that `prisma migrate status|deploy` agree with it.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "@libsql/client";

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

const createTable = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** Names of the committed migrations, oldest first. */
export function committedMigrations(dir = migrationsDir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

/** Applies every committed migration the database has not seen yet; returns the names applied. */
export async function applyMigrations(url: string, dir = migrationsDir): Promise<string[]> {
  const client = createClient({ url });
  try {
    await client.execute("PRAGMA busy_timeout = 5000");
    await client.execute(createTable);
    const done = await client.execute(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const applied = new Set(done.rows.map((row) => String(row["migration_name"])));
    const ran: string[] = [];
    for (const name of committedMigrations(dir)) {
      if (applied.has(name)) continue;
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      const startedAt = new Date().toISOString();
      // One transaction per migration: a failed migration leaves nothing half-applied.
      await client.executeMultiple(`BEGIN;\n${sql}\nCOMMIT;`).catch(async (error: unknown) => {
        await client.execute("ROLLBACK").catch(() => undefined);
        throw error;
      });
      await client.execute({
        sql: `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
              VALUES (?, ?, ?, ?, ?, 1)`,
        args: [randomUUID(), checksum, new Date().toISOString(), name, startedAt],
      });
      ran.push(name);
    }
    return ran;
  } finally {
    client.close();
  }
}
