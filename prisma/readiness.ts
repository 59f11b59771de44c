// What a readiness probe asks of the database: does it answer, and has every committed migration been
// applied (a gateway that started before `migrate` ran on a new release must not take traffic).
import { type Db, directSql } from "./client.ts";
import { committedMigrations } from "./migrate.ts";
import { postgresMigrationsDir } from "./postgres/migrate.ts";

/** Names of committed migrations the database has not applied; throws when the database does not answer. */
export async function missingMigrations(db: Db): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
    "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
  );
  const applied = new Set(rows.map((row) => row.migration_name));
  return committedMigrationsOf(db).filter((name) => !applied.has(name));
}

/** The committed migrations of the database's provider: PostgreSQL's folder holds twins of SQLite's, named apart. */
export function committedMigrationsOf(db: Db): string[] {
  return directSql(db).dialect === "postgres" ? committedMigrations(postgresMigrationsDir) : committedMigrations();
}
