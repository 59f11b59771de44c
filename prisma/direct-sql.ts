// Plain SQL on the hot path (every inbound message, every outbound one, every match), on SQLite. A Prisma
// query costs about a millisecond of CPU (its query compiler runs per call), a prepared SQLite statement a
// few tens of microseconds. Statements are typed Kysely builders (prisma/sql/builder.ts) compiled to SQL
// and run here; they write rows exactly as Prisma would (prisma/sql/values.ts) so either side reads the
// other's rows.
//
// One SQLite file, three connections in this process: Prisma's, this one's writer and this one's reader.
// Writes take the same lock Prisma's driver adapter holds around every query and transaction, and their
// statements run synchronously underneath, so they never wait on a Prisma transaction of this process
// (which would block the event loop for the whole busy timeout). Reads outside a write go to the reader
// connection: a write's work awaits between its statements, and a read of another caller in between must
// not see rows that may yet be rolled back. Never call `write` from inside a Prisma interactive transaction.

import Database from "libsql";
import type { QueryLock } from "./query-lock.ts";
import { compileFor, type Query } from "./sql/builder.ts";
import type { DirectSql, SqlWriter } from "./sql/connection.ts";
import { sqlBool, sqlDate } from "./sql/values.ts";

export type { DirectSql, SqlReader, SqlWriter } from "./sql/connection.ts";
export { fromSqlBool, fromSqlDate, newId, sqlBool, sqlDate } from "./sql/values.ts";

const maxCachedStatements = 500;

export type SqlValue = string | number | bigint | null | Buffer;

interface Statement {
  raw(on: boolean): Statement;
  run(...args: SqlValue[]): { changes: number; lastInsertRowid: number | bigint };
  get(...args: SqlValue[]): unknown;
  all(...args: SqlValue[]): unknown[];
}

interface Connection {
  prepare(sql: string): Statement;
  exec(sql: string): void;
  close(): void;
}

interface PendingWrite {
  work: (sql: SqlWriter) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Arguments as the driver takes them. Values reach here from platform payloads whatever their types,
 * and libSQL aborts the whole process on a boolean or undefined argument instead of throwing.
 */
function bound(args: readonly unknown[]): SqlValue[] {
  return args.map((arg) => {
    if (arg === null || typeof arg === "string" || typeof arg === "number" || typeof arg === "bigint") return arg;
    if (arg === undefined) return null;
    if (typeof arg === "boolean") return sqlBool(arg);
    if (arg instanceof Date) return sqlDate(arg);
    if (Buffer.isBuffer(arg)) return arg;
    return String(arg);
  });
}

/** One libSQL connection with its cache of prepared statements, opened on first use. */
class CachedConnection {
  private opened?: Connection;
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly file: string) {}

  get connection(): Connection {
    if (!this.opened) {
      this.opened = new Database(this.file) as unknown as Connection;
      // The first prepare sets busy_timeout and synchronous (prisma/sqlite-adapter.ts); they cannot change
      // inside a transaction, so that happens here rather than inside the first write.
      this.opened.prepare("SELECT 1").get();
    }
    return this.opened;
  }

  statement(sql: string, asArrays = false): Statement {
    const key = asArrays ? `rows:${sql}` : sql;
    let statement = this.statements.get(key);
    if (!statement) {
      // Lists of ids make many shapes of one query: keep the cache from growing without end.
      if (this.statements.size >= maxCachedStatements) this.statements.clear();
      statement = this.connection.prepare(sql);
      if (asArrays) statement.raw(true);
      this.statements.set(key, statement);
    }
    return statement;
  }

  first<Row>(query: Query<Row>): Row | undefined {
    const { sql, parameters } = compileFor(query, "sqlite");
    // The one cast of the typed path: Kysely inferred Row from the schema's types (prisma/sql/tables.ts).
    return this.statement(sql).get(...bound(parameters)) as Row | undefined;
  }

  many<Row>(query: Query<Row>): Row[] {
    const { sql, parameters } = compileFor(query, "sqlite");
    return this.statement(sql).all(...bound(parameters)) as Row[];
  }

  execute(query: Query<unknown>): { changes: number } {
    const { sql, parameters } = compileFor(query, "sqlite");
    return { changes: this.statement(sql).run(...bound(parameters)).changes };
  }

  close(): void {
    this.statements.clear();
    this.opened?.close();
    this.opened = undefined;
  }
}

export class SqliteDirectSql implements DirectSql {
  readonly dialect = "sqlite";
  /** Runs the write transactions; read only inside them. */
  private readonly writerConnection: CachedConnection;
  /** Reads the last committed state (WAL readers never wait for writers). */
  private readonly readerConnection: CachedConnection;
  private readonly writer: SqlWriter;

  constructor(
    file: string,
    private readonly lock: QueryLock,
  ) {
    this.writerConnection = new CachedConnection(file);
    this.readerConnection = new CachedConnection(file);
    const writer = this.writerConnection;
    this.writer = {
      dialect: "sqlite",
      first: async (query) => writer.first(query),
      many: async (query) => writer.many(query),
      execute: async (query) => writer.execute(query),
    };
  }

  async first<Row>(query: Query<Row>): Promise<Row | undefined> {
    return this.readerConnection.first(query);
  }

  async many<Row>(query: Query<Row>): Promise<Row[]> {
    return this.readerConnection.many(query);
  }

  async rows(sql: string, args: readonly unknown[] = []): Promise<unknown[][]> {
    return this.readerConnection.statement(sql, true).all(...bound(args)) as unknown[][];
  }

  /** A PRAGMA on the write connection (tests set max_page_count there), answered with its row. */
  pragma<T>(text: string): T | undefined {
    return this.writerConnection.statement(text).get() as T | undefined;
  }

  /**
   * Runs `work` as its own all-or-nothing unit under Prisma's query lock, and resolves once it is
   * committed. Its statements run synchronously: nothing else in this process writes meanwhile.
   * Writes that arrive together share one transaction (group commit: one WAL append for many
   * messages), each inside a savepoint, so a throw undoes that work alone and rejects its caller.
   */
  write<T>(work: (sql: SqlWriter) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.pending.length === 1) setImmediate(() => void this.flush());
    });
  }

  private readonly pending: PendingWrite[] = [];

  private async flush(): Promise<void> {
    let batch: PendingWrite[] = [];
    await this.lock
      .runExclusive(async () => {
        // Taken inside the lock: writes queued while Prisma held it join this transaction.
        batch = this.pending.splice(0);
        const outcomes = await this.runBatch(batch);
        for (const [index, item] of batch.entries()) {
          const outcome = outcomes[index];
          if (outcome?.ok) item.resolve(outcome.value);
          else item.reject(outcome?.error);
        }
      })
      .catch((error) => {
        // The lock failed, or the batch did in a way runBatch did not foresee: every write settles.
        for (const item of [...batch, ...this.pending.splice(0)]) item.reject(error);
      });
  }

  /** Ends the open transaction, if any: after SQLITE_FULL or SQLITE_IOERR SQLite may have ended it itself. */
  private rollback(): void {
    try {
      this.writerConnection.connection.exec("ROLLBACK");
    } catch {
      // "no transaction is active": SQLite rolled it back already.
    }
  }

  private async runBatch(batch: PendingWrite[]): Promise<Outcome[]> {
    const run = (sql: string) => this.writerConnection.statement(sql).run();
    try {
      run("BEGIN IMMEDIATE");
    } catch (error) {
      return batch.map(() => ({ ok: false, error }));
    }
    try {
      // A unit alone in its transaction needs no savepoint: the transaction is its savepoint.
      const alone = batch.length === 1;
      const outcomes: Outcome[] = [];
      for (const item of batch) {
        if (!alone) run("SAVEPOINT work");
        try {
          const value = await item.work(this.writer);
          if (!alone) run("RELEASE work");
          outcomes.push({ ok: true, value });
        } catch (error) {
          if (!alone) {
            try {
              run("ROLLBACK TO work");
              run("RELEASE work");
            } catch {
              // SQLite ended the whole transaction (disk full): the work's own error says why.
              throw error;
            }
          }
          outcomes.push({ ok: false, error });
        }
      }
      if (alone && !outcomes[0]?.ok) {
        this.rollback();
        return outcomes;
      }
      run("COMMIT");
      return outcomes;
    } catch (error) {
      // COMMIT or a savepoint statement failed (disk full, I/O error): nothing of the batch is stored.
      this.rollback();
      return batch.map(() => ({ ok: false, error }));
    }
  }

  async close(): Promise<void> {
    this.writerConnection.close();
    this.readerConnection.close();
  }
}
