// A fresh SQLite file per test, with the committed migrations applied.
import path from "node:path";
import { type Db, openDatabase } from "../../prisma/client.ts";
import { tempDir } from "./roster-files.ts";

export async function freshDatabase(): Promise<Db> {
  return openDatabase(`file:${path.join(tempDir(), "t.db")}`);
}
