// The libSQL driver adapter, made safe for several processes writing one SQLite file.
// - @libsql/client opens a fresh connection after every transaction, so one-off PRAGMAs (busy_timeout,
//   synchronous) reach only the first one: every connection sets them on first use instead.
// - Prisma begins DEFERRED transactions; when another process commits between a deferred transaction's
//   first read and its first write, SQLite refuses the write at once (SQLITE_BUSY_SNAPSHOT) whatever the
//   busy timeout. IMMEDIATE transactions take the write lock up front and wait for it.
import type { Client, Config, TransactionMode } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import Database from "libsql";
import type { QueryLock } from "./direct-sql.ts";

export const busyTimeoutMs = 10_000;

type Connection = { busyTimeoutSet?: boolean };
type Statement = { get(): unknown };

let connectionsPatched = false;

/** Sets busy_timeout and synchronous on every libSQL connection of this process, at its first statement. */
export function setBusyTimeoutOnEveryConnection(): void {
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

function isQueryLock(value: unknown): value is QueryLock {
  return typeof (value as { runExclusive?: unknown } | null)?.runExclusive === "function";
}

export class SqliteAdapter extends PrismaLibSQL {
  private connectedLock?: QueryLock;

  /**
   * The mutex the adapter holds around each query and each whole transaction (it keeps it under a
   * private symbol): plain SQL of this process takes it too. Known once Prisma has connected.
   */
  get lock(): QueryLock {
    if (!this.connectedLock) throw new Error("the database is not connected yet");
    return this.connectedLock;
  }

  override async connect() {
    const adapter = await super.connect();
    const held = Object.getOwnPropertySymbols(adapter).map(
      (key) => (adapter as unknown as Record<symbol, unknown>)[key],
    );
    this.connectedLock = held.find(isQueryLock);
    if (!this.connectedLock) throw new Error("@prisma/adapter-libsql no longer holds a mutex: plain SQL would race it");
    return adapter;
  }

  override createClient(config: Config): Client {
    setBusyTimeoutOnEveryConnection();
    const client = super.createClient(config);
    const transaction = client.transaction.bind(client);
    client.transaction = ((mode?: TransactionMode) =>
      transaction(mode === "deferred" || mode === undefined ? "write" : mode)) as Client["transaction"];
    return client;
  }
}
