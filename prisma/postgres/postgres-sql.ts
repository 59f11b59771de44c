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
//
// Group commit, as on SQLite: writes that arrive while every batch connection is busy share the next
// transaction, which saves a BEGIN and a COMMIT (and a WAL flush) per write — most of a small write's
// round trips. No savepoint per write (each would cost two more round trips): a batch commits whole,
// and if any of its writes fails, it is rolled back and each write runs again in a transaction of its
// own, so a failing write takes back only its own rows, exactly as when it ran alone.
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { compileFor, type Query } from "../sql/builder.ts";
import type { DirectSql, SqlWriter } from "../sql/connection.ts";
import { sqlDate } from "../sql/values.ts";

/** SQLSTATEs after which the whole transaction may simply run again. */
const retryable = new Set(["40001", "40P01"]);
const maxAttempts = 8;
/** Transactions of grouped writes open at once; the rest of the pool serves reads. */
const maxBatchesAtOnce = 4;
/** Writes in one transaction at most: a long batch holds its row locks for as long as it runs. */
const maxBatchSize = 64;

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

/** Statements with more parameters than this are lists of ids: too many shapes to keep prepared. */
const maxPreparedParameters = 32;
const statementNames = new Map<string, string>();

/**
 * A name for the statement, under which each connection prepares it once: the server then skips
 * parsing and planning it again, most of its cost for the hot path's small statements.
 */
function statementName(sql: string, parameterCount: number): string | undefined {
  if (parameterCount > maxPreparedParameters) return undefined;
  let name = statementNames.get(sql);
  if (!name) {
    name = `cb_${createHash("sha1").update(sql).digest("hex").slice(0, 20)}`;
    statementNames.set(sql, name);
  }
  return name;
}

async function query<Row>(on: Queryable, statement: Query<Row>): Promise<pg.QueryResult> {
  const { sql, parameters } = compileFor(statement, "postgres");
  return on.query({ name: statementName(sql, parameters.length), text: sql, values: bound(parameters) });
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

interface PendingWrite {
  work: (tx: SqlWriter) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Failed on its way to commit, in a way that left nothing stored, so every write may simply run again. */
class BatchFailed extends Error {}

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

  /** Runs `work` as its own all-or-nothing unit; resolves once it is committed (see group commit above). */
  write<T>(work: (tx: SqlWriter) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.startBatches();
    });
  }

  private readonly pending: PendingWrite[] = [];
  private batchesRunning = 0;

  /** A batch starts at once while a batch connection is free; writes arriving meanwhile wait for the next. */
  private startBatches(): void {
    while (this.batchesRunning < maxBatchesAtOnce && this.pending.length > 0) {
      const batch = this.pending.splice(0, maxBatchSize);
      this.batchesRunning++;
      void this.runBatch(batch).finally(() => {
        this.batchesRunning--;
        this.startBatches();
      });
    }
  }

  private async runBatch(batch: PendingWrite[]): Promise<void> {
    if (batch.length > 1) {
      try {
        const values = await this.together(batch);
        for (const [index, item] of batch.entries()) item.resolve(values[index]);
        return;
      } catch (error) {
        // Committed or not is unknown (the connection broke during COMMIT): running again could store twice.
        if (!(error instanceof BatchFailed)) {
          for (const item of batch) item.reject(error);
          return;
        }
      }
    }
    await Promise.all(
      batch.map(async (item) => {
        try {
          item.resolve(await this.alone(item.work));
        } catch (error) {
          item.reject(error);
        }
      }),
    );
  }

  /** Every write of `batch` in one transaction, in order; throws BatchFailed when nothing was stored. */
  private async together(batch: PendingWrite[]): Promise<unknown[]> {
    const client = await this.pool.connect().catch((error: unknown) => {
      throw new BatchFailed(String(error));
    });
    let broken = false;
    try {
      const writer = writerOn(client);
      await client.query("BEGIN");
      const values: unknown[] = [];
      for (const item of batch) values.push(await item.work(writer));
      try {
        await client.query("COMMIT");
      } catch (error) {
        // The server answered: the transaction is rolled back. No answer: it may have committed.
        if (sqlState(error) === undefined) {
          broken = true;
          throw error;
        }
        throw new BatchFailed(String(error));
      }
      return values;
    } catch (error) {
      if (error instanceof BatchFailed || broken) throw error;
      await client.query("ROLLBACK").catch(() => {
        broken = true;
      });
      throw new BatchFailed(String(error));
    } finally {
      client.release(broken);
    }
  }

  /** Runs `work` in one transaction on one pooled connection; again, from the start, after a deadlock. */
  private async alone<T>(work: (tx: SqlWriter) => Promise<T>): Promise<T> {
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
