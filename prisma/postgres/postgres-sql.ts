// The typed statements of prisma/sql/ on PostgreSQL: a `pg` pool beside Prisma's, the same builders
// compiled with Kysely's PostgresQueryCompiler. Rows come back exactly as the SQLite connection returns
// them (prisma/sql/values.ts): dates as Prisma's ISO text, booleans as 0 or 1, counts as numbers, so
// the repositories read one shape whichever database runs.
//
// Several processes write one database here, where SQLite had one writer at a time. Each write is its
// own READ COMMITTED transaction; the repositories' read-then-write steps are single statements whose
// WHERE decides (UPDATE … WHERE status = …, INSERT … ON CONFLICT), which PostgreSQL re-checks against
// the committed row after any wait, so two processes never both win. A transaction that fails on a
// deadlock (40P01) or a serialization failure (40001) runs again from the start.
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { compileFor, type Query } from "../sql/builder.ts";
import type { DirectSql, SqlWriter } from "../sql/connection.ts";
import { sqlDate } from "../sql/values.ts";

/** SQLSTATEs after which the whole transaction may simply run again. */
const retryable = new Set(["40001", "40P01"]);
const maxAttempts = 8;

const timestamp = 1114;
const timestamptz = 1184;
const boolean = 16;
const int8 = 20;
const numeric = 1700;

/** Column values in the shape the SQLite connection returns them. */
const parsers: Record<number, (text: string) => unknown> = {
  // `timestamp(3)` holds UTC wall time, as Prisma writes it.
  [timestamp]: (text) => sqlDate(new Date(`${text.replace(" ", "T")}Z`)),
  [timestamptz]: (text) => sqlDate(new Date(text)),
  [boolean]: (text) => (text === "t" ? 1 : 0),
  [int8]: Number,
  [numeric]: Number,
};

const types = {
  getTypeParser: ((oid: number, format?: string) =>
    parsers[oid] ?? pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

type Bindable = string | number | boolean | null | Buffer;

/** Arguments as the driver takes them: dates as Prisma stores them (UTC), anything odd as text. */
function bound(args: readonly unknown[]): Bindable[] {
  return args.map((arg) => {
    if (arg === null || typeof arg === "string" || typeof arg === "number" || typeof arg === "boolean") return arg;
    if (arg === undefined) return null;
    if (typeof arg === "bigint") return String(arg);
    if (arg instanceof Date) return sqlDate(arg);
    if (Buffer.isBuffer(arg)) return arg;
    return String(arg);
  });
}

/** `?` placeholders (the untyped text of prisma/) as PostgreSQL's `$1, $2, …`. */
export function numberedPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

type Queryable = pg.Pool | pg.PoolClient;

async function query<Row>(on: Queryable, statement: Query<Row>): Promise<pg.QueryResult> {
  const { sql, parameters } = compileFor(statement, "postgres");
  return on.query({ text: sql, values: bound(parameters) });
}

function writerOn(client: pg.PoolClient): SqlWriter {
  return {
    dialect: "postgres",
    first: async <Row>(statement: Query<Row>) => (await query(client, statement)).rows[0] as Row | undefined,
    many: async <Row>(statement: Query<Row>) => (await query(client, statement)).rows as Row[],
    execute: async (statement) => ({ changes: (await query(client, statement)).rowCount ?? 0 }),
  };
}

/** The SQLSTATE of a driver error, if any. */
function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

export class PostgresDirectSql implements DirectSql {
  readonly dialect = "postgres";
  private readonly pool: pg.Pool;

  constructor(url: string, options: { connections?: number } = {}) {
    this.pool = new pg.Pool({ connectionString: url, max: options.connections ?? 10, types });
    // An idle connection the server dropped (a restart) must not crash the process: the pool replaces it.
    this.pool.on("error", () => undefined);
  }

  async first<Row>(statement: Query<Row>): Promise<Row | undefined> {
    return (await query(this.pool, statement)).rows[0] as Row | undefined;
  }

  async many<Row>(statement: Query<Row>): Promise<Row[]> {
    return (await query(this.pool, statement)).rows as Row[];
  }

  async rows(sql: string, args: readonly unknown[] = []): Promise<unknown[][]> {
    const result = await this.pool.query({ text: numberedPlaceholders(sql), values: bound(args), rowMode: "array" });
    return result.rows as unknown[][];
  }

  /** Runs `work` in one transaction on one pooled connection; again, from the start, after a deadlock. */
  async write<T>(work: (tx: SqlWriter) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      let broken = false;
      try {
        await client.query("BEGIN");
        const value = await work(writerOn(client));
        await client.query("COMMIT");
        return value;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {
          broken = true;
        });
        if (!retryable.has(sqlState(error) ?? "") || attempt >= maxAttempts) throw error;
      } finally {
        client.release(broken);
      }
      // Both sides of a deadlock retry: a random pause keeps them from meeting again.
      await sleep(Math.random() * 10 * attempt);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
