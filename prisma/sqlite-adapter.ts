// The libSQL driver adapter, made safe for several processes writing one SQLite file.
// - @libsql/client opens a fresh connection after every transaction, so one-off PRAGMAs (busy_timeout,
//   synchronous) reach only the first one: every connection sets them on first use instead.
// - Prisma begins DEFERRED transactions; when another process commits between a deferred transaction's
//   first read and its first write, SQLite refuses the write at once (SQLITE_BUSY_SNAPSHOT) whatever the
//   busy timeout. IMMEDIATE transactions take the write lock up front and wait for it.
import type { Client, Config, TransactionMode } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import Database from "libsql";
import { QueryLock } from "./query-lock.ts";

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

type Connected = Awaited<ReturnType<PrismaLibSQL["connect"]>>;

export class SqliteAdapter extends PrismaLibSQL {
  /**
   * Held around each Prisma query and each whole Prisma transaction; plain SQL of this process
   * (prisma/direct-sql.ts) takes it too. The adapter's own mutex sits inside it, never contended.
   */
  readonly lock = new QueryLock();

  override async connect(): Promise<Connected> {
    return withLock(await super.connect(), this.lock);
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

/** The adapter with every query, script and transaction (from start to commit or rollback) under `lock`. */
function withLock(adapter: Connected, lock: QueryLock): Connected {
  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeRaw = adapter.executeRaw.bind(adapter);
  const executeScript = adapter.executeScript.bind(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.queryRaw = (query) => lock.runExclusive(() => queryRaw(query));
  adapter.executeRaw = (query) => lock.runExclusive(() => executeRaw(query));
  adapter.executeScript = (script) => lock.runExclusive(() => executeScript(script));
  adapter.startTransaction = async (isolationLevel) => {
    const release = await lock.acquire();
    try {
      const transaction = await startTransaction(isolationLevel);
      const commit = transaction.commit.bind(transaction);
      const rollback = transaction.rollback.bind(transaction);
      transaction.commit = () => commit().finally(release);
      transaction.rollback = () => rollback().finally(release);
      return transaction;
    } catch (error) {
      release();
      throw error;
    }
  };
  return adapter;
}
