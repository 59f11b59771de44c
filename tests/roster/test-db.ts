// A fresh database per test (a SQLite file, or a PostgreSQL database under npm run test:postgres), with the
// committed migrations applied.
import { afterEach } from "vitest";
import { closeDatabase, type Db, openDatabase } from "../../prisma/client.ts";
import { testDatabaseUrl } from "../support/test-database.ts";
import { tempDir } from "./roster-files.ts";

export async function freshDatabase(): Promise<Db> {
  return openDatabase(testDatabaseUrl(tempDir(), "t.db"));
}

/** Returns an opener of fresh databases whose clients are all disconnected after each test of the calling file. */
export function useFreshDatabases(): () => Promise<Db> {
  let opened: Db[] = [];
  afterEach(async () => {
    for (const db of opened) await closeDatabase(db);
    opened = [];
  });
  return async () => {
    const db = await freshDatabase();
    opened.push(db);
    return db;
  };
}
