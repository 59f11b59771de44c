// Bulk reads straight from libSQL, beside Prisma. Through Prisma every row becomes an object three times
// (libSQL client, adapter, Prisma), which for a roster of 100,000 experts costs seconds and a few hundred
// megabytes; here a row is the one array the driver returns.
import { fileURLToPath } from "node:url";
import Database from "libsql";
import { type Db, databaseUrlOf } from "./client.ts";
import { busyTimeoutMs } from "./sqlite-adapter.ts";

export interface BulkReader {
  /** Every row of one SELECT, each row its columns in order (SQLite values: booleans are 0 or 1). */
  all(sql: string, args?: readonly unknown[]): unknown[][];
  close(): void;
}

/** A connection of its own to the SQLite file `db` was opened on; close it when done. */
export function openBulkReader(db: Db): BulkReader {
  const url = databaseUrlOf(db);
  if (!url.startsWith("file:")) throw new Error(`Bulk reads need a SQLite file, not ${url}`);
  const connection = new Database(fileURLToPath(url));
  // A checkpoint by a writer can hold readers for a moment: wait as Prisma's connections do.
  connection.prepare(`PRAGMA busy_timeout = ${busyTimeoutMs}`).get();
  return {
    all: (sql, args = []) => connection.prepare(sql).raw(true).all(args) as unknown[][],
    close: () => connection.close(),
  };
}
