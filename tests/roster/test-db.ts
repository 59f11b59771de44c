// A fresh SQLite file per test, with the committed migrations applied.
import path from "node:path";
import { afterEach } from "vitest";
import { type Db, openDatabase } from "../../prisma/client.ts";
import { tempDir } from "./roster-files.ts";

export async function freshDatabase(): Promise<Db> {
  return openDatabase(`file:${path.join(tempDir(), "t.db")}`);
}

/** Returns an opener of fresh databases whose clients are all disconnected after each test of the calling file. */
export function useFreshDatabases(): () => Promise<Db> {
  let opened: Db[] = [];
  afterEach(async () => {
    for (const db of opened) await db.$disconnect();
    opened = [];
  });
  return async () => {
    const db = await freshDatabase();
    opened.push(db);
    return db;
  };
}
