// Vitest setup file: the PostgreSQL databases a test file named (every file under `npm run test:postgres`,
// the PostgreSQL-only tests in any run) are dropped once its tests are done (connections still open from
// a crashed bot or a killed process included).
import pg from "pg";
import { afterAll } from "vitest";
import { namedDatabases, testPostgresServer } from "./test-database.ts";

afterAll(async () => {
  if (namedDatabases.size === 0) return;
  const admin = new pg.Client({ connectionString: testPostgresServer() });
  await admin.connect();
  try {
    for (const name of namedDatabases) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    namedDatabases.clear();
  } finally {
    await admin.end();
  }
});
