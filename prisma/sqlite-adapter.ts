// The libSQL driver adapter, made safe for several processes writing one SQLite file.
// - @libsql/client opens a fresh connection after every transaction, so one-off PRAGMAs (busy_timeout,
//   synchronous) reach only the first one: every connection sets them on first use instead.
// - Prisma begins DEFERRED transactions; when another process commits between a deferred transaction's
//   first read and its first write, SQLite refuses the write at once (SQLITE_BUSY_SNAPSHOT) whatever the
//   busy timeout. IMMEDIATE transactions take the write lock up front and wait for it.
import type { Client, Config, TransactionMode } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import Database from "libsql";

export const busyTimeoutMs = 10_000;

type Connection = { busyTimeoutSet?: boolean };
type Statement = { get(): unknown };

let connectionsPatched = false;

function setBusyTimeoutOnEveryConnection(): void {
  if (connectionsPatched) return;
  connectionsPatched = true;
  const prototype = Database.prototype as unknown as { prepare: (this: Connection, ...args: unknown[]) => Statement };
  const prepare = prototype.prepare;
  prototype.prepare = function (this: Connection, ...args: unknown[]) {
    if (!this.busyTimeoutSet) {
      this.busyTimeoutSet = true;
      // Per-connection settings (journal_mode=WAL is kept in the file itself). The PRAGMAs answer with
      // a row, so they are read with get(), not run with exec().
      prepare.call(this, `PRAGMA busy_timeout = ${busyTimeoutMs}`).get();
      prepare.call(this, "PRAGMA synchronous = NORMAL").get();
    }
    return prepare.apply(this, args);
  };
}

export class SqliteAdapter extends PrismaLibSQL {
  override createClient(config: Config): Client {
    setBusyTimeoutOnEveryConnection();
    const client = super.createClient(config);
    const transaction = client.transaction.bind(client);
    client.transaction = ((mode?: TransactionMode) =>
      transaction(mode === "deferred" || mode === undefined ? "write" : mode)) as Client["transaction"];
    return client;
  }
}
