// The one way to open the database: Prisma's Rust-free client over a driver adapter, and the plain-SQL
// connection beside it. SQLite (`file:`) through libSQL, with WAL and a busy timeout so concurrent writers
// wait instead of failing; PostgreSQL (`postgresql://`) through `pg`, with the client generated from the
// derived PostgreSQL twin of the schema (prisma/postgres/derive-schema.ts).
import { PrismaPg } from "@prisma/adapter-pg";
import { type DirectSql, SqliteDirectSql } from "./direct-sql.ts";
import { PrismaClient } from "./generated/client.ts";
import { applyMigrations } from "./migrate.ts";
import { applyPostgresMigrations, isPostgresUrl } from "./postgres/migrate.ts";
import { PostgresDirectSql } from "./postgres/postgres-sql.ts";
import { busyTimeoutMs, SqliteAdapter } from "./sqlite-adapter.ts";
import { resolveSqliteUrl } from "./sqlite-url.ts";

export { isPostgresUrl, resolveSqliteUrl };

export type Db = PrismaClient;

const directConnections = new WeakMap<Db, DirectSql>();

/** The plain-SQL connection beside a database's Prisma client (see prisma/direct-sql.ts). */
export function directSql(db: Db): DirectSql {
  const direct = directConnections.get(db);
  if (!direct) throw new Error("this Prisma client was not opened with openDatabase()");
  return direct;
}

/** The SQLite connection beside a database's Prisma client, for what only SQLite has (PRAGMAs). */
export function sqliteDirectSql(db: Db): SqliteDirectSql {
  const direct = directSql(db);
  if (!(direct instanceof SqliteDirectSql)) throw new Error("this database is not SQLite");
  return direct;
}

/** Closes both connections of a database opened with openDatabase(). */
export async function closeDatabase(db: Db): Promise<void> {
  await directConnections.get(db)?.close();
  directConnections.delete(db);
  await db.$disconnect();
}

/**
 * Opens the database at `url`, applies the committed migrations and returns a Prisma client.
 * SQLite gets WAL, synchronous NORMAL and a busy timeout before anything else runs.
 */
export async function openDatabase(url: string, options: { migrate?: boolean } = {}): Promise<Db> {
  if (isPostgresUrl(url)) return openPostgres(url, options);
  const resolved = resolveSqliteUrl(url);
  if (options.migrate !== false) await applyMigrations(resolved);
  const adapter = new SqliteAdapter({ url: resolved });
  const db = new PrismaClient({
    adapter,
    // Transactions wait for the write lock (busy timeout) while others in this process queue behind them.
    transactionOptions: { maxWait: busyTimeoutMs * 2, timeout: busyTimeoutMs * 3 },
  });
  if (resolved.startsWith("file:")) {
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
    directConnections.set(db, new SqliteDirectSql(resolved.slice("file:".length), adapter.lock));
  }
  return db;
}

/** Connections per process to PostgreSQL: Prisma's pool (the rare paths) and the hot path's. */
const prismaConnections = 4;
const directConnectionsPerProcess = 8;

async function openPostgres(url: string, options: { migrate?: boolean }): Promise<Db> {
  if (options.migrate !== false) await applyPostgresMigrations(url);
  // Loaded only here: a SQLite deployment never needs the PostgreSQL client.
  const { PrismaClient: PostgresClient } = await import("./postgres/generated/client.ts");
  const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: prismaConnections }) });
  // The two generated clients have the same models and methods; only the provider inside differs.
  const db = client as unknown as Db;
  directConnections.set(db, new PostgresDirectSql(url, { connections: directConnectionsPerProcess }));
  return db;
}

/** A token that is the same for one database all its life and differs between databases. */
export async function databaseToken(db: Db): Promise<string> {
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    "SELECT id FROM _prisma_migrations ORDER BY started_at ASC, id ASC LIMIT 1",
  );
  return (rows[0]?.id ?? "none").replace(/[^A-Za-z0-9]/g, "").slice(0, 12);
}
