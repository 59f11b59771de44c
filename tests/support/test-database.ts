// Where a test's database lives. By default a SQLite file in the test's own folder; under
// `npm run test:postgres` (TEST_DATABASE=postgres) a PostgreSQL database of its own on the server at
// TEST_POSTGRES_URL, named after that folder and file (a restarted bot finds its database again),
// created by the first openDatabase() and dropped when the test file ends (tests/support/drop-test-databases.ts).
import { createHash } from "node:crypto";
import path from "node:path";

const defaultServer = "postgresql://postgres@127.0.0.1:5432/postgres";

/** True when this run tests against PostgreSQL. */
export const onPostgres = process.env["TEST_DATABASE"] === "postgres";

/** The server the PostgreSQL run creates its databases on. */
export function testPostgresServer(): string {
  return process.env["TEST_POSTGRES_URL"] || defaultServer;
}

/** Databases this test file named, to drop after it. */
export const namedDatabases = new Set<string>();

/** The DATABASE_URL of a test's database: `file` in `dir`, or its PostgreSQL namesake. */
export function testDatabaseUrl(dir: string, file = "test.db"): string {
  const location = path.join(dir, file);
  if (!onPostgres) return `file:${location}`;
  return postgresTestDatabaseUrl(dir, file);
}

/** A PostgreSQL database of its own for `file` in `dir`, in any run (a test about PostgreSQL itself). */
export function postgresTestDatabaseUrl(dir: string, file = "test.db"): string {
  const location = path.join(dir, file);
  const name = `cb_test_${createHash("sha256").update(location).digest("hex").slice(0, 20)}`;
  namedDatabases.add(name);
  const url = new URL(testPostgresServer());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Why the PostgreSQL-only tests cannot run here, or null when a PostgreSQL answers at TEST_POSTGRES_URL. */
export async function postgresMissing(): Promise<string | null> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: testPostgresServer(), connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    return null;
  } catch (error) {
    return `no PostgreSQL answers at TEST_POSTGRES_URL=${testPostgresServer()}: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}
