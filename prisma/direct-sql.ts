// Plain SQL on the hot path (every inbound message, every outbound one, every match). A Prisma query
// costs about a millisecond of CPU (its query compiler runs per call), a prepared SQLite statement a few
// tens of microseconds. Statements are typed Kysely builders (prisma/sql/builder.ts) compiled to SQL and
// run here; they write rows exactly as Prisma would (prisma/sql/values.ts) so either side reads the
// other's rows.
//
// One SQLite file, two connections in this process: Prisma's and this synchronous one. Writes here take
// the same lock Prisma's driver adapter holds around every query and transaction, and run to the end
// without yielding, so they never wait on a Prisma transaction of this process (which would block the
// event loop for the whole busy timeout). Never call `write` from inside a Prisma interactive transaction.

import type { Compilable } from "kysely";
import Database from "libsql";
import type { QueryLock } from "./query-lock.ts";
import { sqlBool, sqlDate } from "./sql/values.ts";

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
  work: (sql: SqlWriter) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** What a typed statement reads or changes. */
export interface SqlReader {
  /** The first row of a typed statement (prisma/sql/builder.ts), or undefined. */
  first<Row>(query: Compilable<Row>): Row | undefined;
  /** Every row of a typed statement. */
  many<Row>(query: Compilable<Row>): Row[];
}

/** Statements inside one write transaction. */
export interface SqlWriter extends SqlReader {
  /** Runs a typed statement; `changes` is the number of rows it wrote. */
  execute(query: Compilable<unknown>): { changes: number };
  /** Untyped text: only for statements not yet moved to the typed builder. */
  run(sql: string, ...args: SqlValue[]): { changes: number; lastInsertRowid: number };
  get<T>(sql: string, ...args: SqlValue[]): T | undefined;
  all<T>(sql: string, ...args: SqlValue[]): T[];
}

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

export class DirectSql implements SqlReader {
  private opened?: Connection;
  private readonly statements = new Map<string, Statement>();
  private readonly writer: SqlWriter;

  constructor(
    private readonly file: string,
    private readonly lock: QueryLock,
  ) {
    this.writer = {
      run: (sql, ...args) => {
        const result = this.statement(sql).run(...bound(args));
        return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) };
      },
      get: (sql, ...args) => this.get(sql, ...args),
      all: (sql, ...args) => this.all(sql, ...args),
      first: (query) => this.first(query),
      many: (query) => this.many(query),
      execute: (query) => {
        const { sql, parameters } = query.compile();
        return { changes: this.statement(sql).run(...bound(parameters)).changes };
      },
    };
  }

  /** Opened on first use: a process that never needs it (a CLI command) keeps the file to Prisma alone. */
  private get connection(): Connection {
    if (!this.opened) {
      this.opened = new Database(this.file) as unknown as Connection;
      // The first prepare sets busy_timeout and synchronous (prisma/sqlite-adapter.ts); they cannot change
      // inside a transaction, so that happens here rather than inside the first write.
      this.opened.prepare("SELECT 1").get();
    }
    return this.opened;
  }

  private statement(sql: string, asArrays = false): Statement {
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

  /** One row of a typed statement, read from the last committed state (WAL readers never wait for writers). */
  first<Row>(query: Compilable<Row>): Row | undefined {
    const { sql, parameters } = query.compile();
    // The one cast of the typed path: Kysely inferred Row from the schema's types (prisma/sql/tables.ts).
    return this.statement(sql).get(...bound(parameters)) as Row | undefined;
  }

  many<Row>(query: Compilable<Row>): Row[] {
    const { sql, parameters } = query.compile();
    return this.statement(sql).all(...bound(parameters)) as Row[];
  }

  /** Untyped: only for statements not yet moved to the typed builder. */
  get<T>(sql: string, ...args: SqlValue[]): T | undefined {
    return this.statement(sql).get(...bound(args)) as T | undefined;
  }

  all<T>(sql: string, ...args: SqlValue[]): T[] {
    return this.statement(sql).all(...bound(args)) as T[];
  }

  /**
   * Every row as the array of its columns: for reads of many rows (a roster of 100,000), where an
   * object per row costs time and memory.
   */
  rows(sql: string, args: readonly unknown[] = []): unknown[][] {
    return this.statement(sql, true).all(...bound(args)) as unknown[][];
  }

  /**
   * Runs `work` as its own all-or-nothing unit under Prisma's query lock, and resolves once it is
   * committed. `work` is synchronous: nothing else in this process touches the database meanwhile.
   * Writes that arrive together share one transaction (group commit: one WAL append for many
   * messages), each inside a savepoint, so a throw undoes that work alone and rejects its caller.
   */
  write<T>(work: (sql: SqlWriter) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.pending.length === 1) setImmediate(() => void this.flush());
    });
  }

  private readonly pending: PendingWrite[] = [];

  private async flush(): Promise<void> {
    let batch: PendingWrite[] = [];
    await this.lock
      .runExclusive(() => {
        // Taken inside the lock: writes queued while Prisma held it join this transaction.
        batch = this.pending.splice(0);
        const outcomes = this.runBatch(batch);
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
      this.connection.exec("ROLLBACK");
    } catch {
      // "no transaction is active": SQLite rolled it back already.
    }
  }

  private runBatch(batch: PendingWrite[]): Outcome[] {
    const run = (sql: string) => this.statement(sql).run();
    try {
      run("BEGIN IMMEDIATE");
    } catch (error) {
      return batch.map(() => ({ ok: false, error }));
    }
    try {
      // A unit alone in its transaction needs no savepoint: the transaction is its savepoint.
      const alone = batch.length === 1;
      const outcomes: Outcome[] = batch.map((item) => {
        if (!alone) run("SAVEPOINT work");
        try {
          const value = item.work(this.writer);
          if (!alone) run("RELEASE work");
          return { ok: true, value };
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
          return { ok: false, error };
        }
      });
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

  close(): void {
    this.statements.clear();
    this.opened?.close();
    this.opened = undefined;
  }
}
