// Plain SQL on the hot path (every inbound message, every outbound one, every match). A Prisma query
// costs about a millisecond of CPU (its query compiler runs per call), a prepared SQLite statement a few
// tens of microseconds. The rest of the code keeps Prisma; these statements write rows exactly as Prisma
// would (cuid-like ids, ISO dates with +00:00, booleans as 0/1) so either side reads the other's rows.
//
// One SQLite file, two connections in this process: Prisma's and this synchronous one. Writes here take
// the same lock Prisma's driver adapter holds around every query and transaction, and run to the end
// without yielding, so they never wait on a Prisma transaction of this process (which would block the
// event loop for the whole busy timeout). Never call `write` from inside a Prisma interactive transaction.
import { randomBytes } from "node:crypto";
import Database from "libsql";

export type SqlValue = string | number | bigint | null | Buffer;

/** The lock Prisma's adapter takes around each query and transaction. */
export interface QueryLock {
  runExclusive<T>(work: () => T | Promise<T>): Promise<T>;
}

interface Statement {
  run(...args: SqlValue[]): { changes: number; lastInsertRowid: number | bigint };
  get(...args: SqlValue[]): unknown;
  all(...args: SqlValue[]): unknown[];
}

interface Connection {
  prepare(sql: string): Statement;
  exec(sql: string): void;
  close(): void;
}

/** Statements inside one write transaction. */
export interface SqlWriter {
  run(sql: string, ...args: SqlValue[]): { changes: number; lastInsertRowid: number };
  get<T>(sql: string, ...args: SqlValue[]): T | undefined;
  all<T>(sql: string, ...args: SqlValue[]): T[];
}

/** A date as Prisma stores it in SQLite. */
export function sqlDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

/** A boolean as Prisma stores it in SQLite. */
export function sqlBool(value: boolean): number {
  return value ? 1 : 0;
}

let idCounter = Math.floor(Math.random() * 1_679_616);

/** A new primary key shaped like Prisma's cuid(): `c`, time, counter, randomness, so ids still sort by time. */
export function newId(): string {
  idCounter = (idCounter + 1) % 1_679_616;
  const time = Date.now().toString(36).padStart(8, "0");
  const counter = idCounter.toString(36).padStart(4, "0");
  const random = BigInt(`0x${randomBytes(8).toString("hex")}`)
    .toString(36)
    .padStart(13, "0")
    .slice(0, 12);
  return `c${time}${counter}${random}`;
}

export class DirectSql {
  private readonly connection: Connection;
  private readonly statements = new Map<string, Statement>();
  private readonly writer: SqlWriter;

  constructor(
    file: string,
    private readonly lock: QueryLock,
  ) {
    this.connection = new Database(file) as unknown as Connection;
    // The first prepare sets busy_timeout and synchronous (prisma/sqlite-adapter.ts); they cannot change
    // inside a transaction, so that happens here rather than inside the first write.
    this.connection.prepare("SELECT 1").get();
    this.writer = {
      run: (sql, ...args) => {
        const result = this.statement(sql).run(...args);
        return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) };
      },
      get: (sql, ...args) => this.get(sql, ...args),
      all: (sql, ...args) => this.all(sql, ...args),
    };
  }

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.connection.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** One row, read from the last committed state (WAL readers never wait for writers). */
  get<T>(sql: string, ...args: SqlValue[]): T | undefined {
    return this.statement(sql).get(...args) as T | undefined;
  }

  all<T>(sql: string, ...args: SqlValue[]): T[] {
    return this.statement(sql).all(...args) as T[];
  }

  /**
   * Runs `work` as one IMMEDIATE transaction under Prisma's query lock. `work` is synchronous: nothing
   * else in this process touches the database until it returns. A throw rolls everything back.
   */
  write<T>(work: (sql: SqlWriter) => T): Promise<T> {
    return this.lock.runExclusive(() => {
      this.connection.exec("BEGIN IMMEDIATE");
      try {
        const result = work(this.writer);
        this.connection.exec("COMMIT");
        return result;
      } catch (error) {
        this.connection.exec("ROLLBACK");
        throw error;
      }
    });
  }

  close(): void {
    this.statements.clear();
    this.connection.close();
  }
}

/** True when a SQLite error is a UNIQUE constraint failure (a row with that key exists). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "P2002" || code === "SQLITE_CONSTRAINT_UNIQUE" || /unique constraint/i.test(String(error));
}
