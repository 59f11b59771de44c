// The one way to open the database: Prisma's Rust-free client over the libSQL driver adapter,
// with WAL and a busy timeout so concurrent writers wait instead of failing.
import { PrismaClient } from "./generated/client.ts";
import { applyMigrations } from "./migrate.ts";
import { busyTimeoutMs, SqliteAdapter } from "./sqlite-adapter.ts";
import { resolveSqliteUrl } from "./sqlite-url.ts";

export { resolveSqliteUrl };

export type Db = PrismaClient;

// The URL each client was opened on, for readers that go beside Prisma (prisma/bulk-reader.ts).
const urls = new WeakMap<Db, string>();

/** The resolved URL `db` was opened on. */
export function databaseUrlOf(db: Db): string {
  const url = urls.get(db);
  if (url === undefined) throw new Error("This Prisma client was not opened with openDatabase()");
  return url;
}

/**
 * Opens the database at `url`, applies the committed migrations and returns a Prisma client.
 * SQLite gets WAL, synchronous NORMAL and a busy timeout before anything else runs.
 */
export async function openDatabase(url: string, options: { migrate?: boolean } = {}): Promise<Db> {
  const resolved = resolveSqliteUrl(url);
  if (options.migrate !== false) await applyMigrations(resolved);
  const db = new PrismaClient({
    adapter: new SqliteAdapter({ url: resolved }),
    // Transactions wait for the write lock (busy timeout) while others in this process queue behind them.
    transactionOptions: { maxWait: busyTimeoutMs * 2, timeout: busyTimeoutMs * 3 },
  });
  urls.set(db, resolved);
  if (resolved.startsWith("file:")) {
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  }
  return db;
}

/** A token that is the same for one database all its life and differs between databases. */
export async function databaseToken(db: Db): Promise<string> {
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    "SELECT id FROM _prisma_migrations ORDER BY started_at ASC, id ASC LIMIT 1",
  );
  return (rows[0]?.id ?? "none").replace(/[^A-Za-z0-9]/g, "").slice(0, 12);
}
