// What the repositories of prisma/ see of the database beside Prisma, whichever it is: typed statements
// (prisma/sql/builder.ts) read and written through one of these. SQLite's is prisma/direct-sql.ts,
// PostgreSQL's prisma/postgres/postgres-sql.ts.
import type { Dialect, Query } from "./builder.ts";

/** What a typed statement reads. */
export interface SqlReader {
  readonly dialect: Dialect;
  /** The first row of a typed statement, or undefined. */
  first<Row>(query: Query<Row>): Promise<Row | undefined>;
  /** Every row of a typed statement. */
  many<Row>(query: Query<Row>): Promise<Row[]>;
}

/** Statements inside one write transaction. */
export interface SqlWriter extends SqlReader {
  /** Runs a typed statement; `changes` is the number of rows it wrote. */
  execute(query: Query<unknown>): Promise<{ changes: number }>;
}

/** The connection beside a database's Prisma client. */
export interface DirectSql extends SqlReader {
  /**
   * Every row as the array of its columns: for reads of many rows (a roster of 100,000), where an
   * object per row costs time and memory. Untyped text with `?` placeholders, written for `dialect`.
   */
  rows(sql: string, args?: readonly unknown[]): Promise<unknown[][]>;
  /**
   * Runs `work` as its own all-or-nothing unit and resolves once it is committed. `work` awaits only
   * statements of its `tx` (never a Prisma call: that may wait on this very write).
   */
  write<T>(work: (tx: SqlWriter) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
