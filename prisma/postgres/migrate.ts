// Applies prisma/postgres/migrations at start, recording each in Prisma's own `_prisma_migrations` table
// (PostgreSQL's shape of it) so that `prisma migrate status|deploy` agree. Several processes may start
// at once against one database: an advisory lock lets one of them migrate while the others wait.
import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { committedMigrations } from "../migrate.ts";

export const postgresMigrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/** Any number, the same in every process of every deployment: the key of the migration lock. */
const migrationLock = 7_305_182_716;

const createTable = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** True for URLs this program opens with PostgreSQL. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** Creates the database a URL names when the server does not have it yet (a first start). */
async function createDatabaseIfMissing(url: string): Promise<void> {
  const probe = new pg.Client({ connectionString: url });
  probe.on("error", () => undefined);
  try {
    await probe.connect();
    return;
  } catch (error) {
    // 3D000: no such database. Anything else (refused, password) is the caller's to see.
    if ((error as { code?: string }).code !== "3D000") throw error;
  } finally {
    await probe.end().catch(() => undefined);
  }
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  target.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: target.toString() });
  admin.on("error", () => undefined);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } catch (error) {
    // Another process created it meanwhile: 42P04, or 23505 when both got past the check at once.
    const code = (error as { code?: string }).code;
    if (code !== "42P04" && code !== "23505") throw error;
  } finally {
    await admin.end();
  }
}

/** Applies every committed PostgreSQL migration the database has not seen yet; returns the names applied. */
export async function applyPostgresMigrations(url: string, dir = postgresMigrationsDir): Promise<string[]> {
  await createDatabaseIfMissing(url);
  const client = new pg.Client({ connectionString: url });
  // A connection the server ends (the database dropped) fails the query in progress, not the process.
  client.on("error", () => undefined);
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [migrationLock]);
    await client.query(createTable);
    const done = await client.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const applied = new Set(done.rows.map((row) => row.migration_name));
    const ran: string[] = [];
    for (const name of committedMigrations(dir)) {
      if (applied.has(name)) continue;
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      const startedAt = new Date();
      // One transaction per migration (PostgreSQL's DDL is transactional): nothing is left half-applied.
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), checksum, name, startedAt],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
      ran.push(name);
    }
    return ran;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [migrationLock]).catch(() => undefined);
    await client.end();
  }
}
