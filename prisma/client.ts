// The one way to open the database: Prisma's Rust-free client over the libSQL driver adapter,
// with WAL and a busy timeout so concurrent writers wait instead of failing.
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient } from "./generated/client.ts";
import { applyMigrations } from "./migrate.ts";
import { resolveSqliteUrl } from "./sqlite-url.ts";

export { resolveSqliteUrl };

export type Db = PrismaClient;

/**
 * Opens the database at `url`, applies the committed migrations and returns a Prisma client.
 * SQLite gets WAL, synchronous NORMAL and a busy timeout before anything else runs.
 */
export async function openDatabase(url: string, options: { migrate?: boolean } = {}): Promise<Db> {
  const resolved = resolveSqliteUrl(url);
  if (options.migrate !== false) await applyMigrations(resolved);
  const db = new PrismaClient({ adapter: new PrismaLibSQL({ url: resolved }) });
  if (resolved.startsWith("file:")) {
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
    await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  }
  return db;
}
