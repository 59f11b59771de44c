// SQLite tuning and its effect, through the app's own database client (Prisma over libSQL):
// - single-row inserts/s with SQLite's defaults (rollback journal, synchronous FULL), with WAL +
//   synchronous NORMAL (what openDatabase sets), with WAL + FULL (what a connection gets when it has
//   not been tuned), and WAL + NORMAL with writes batched 100 to a statement;
// - whether the tuning survives a transaction (the libSQL client opens a new connection after each);
// - the client's cost: a primary-key read through Prisma against the same read through libSQL;
// - the hot path's writes: single-row inserts through the plain-SQL connection (prisma/direct-sql.ts)
//   with 32 writers at once, which group-commit, against the same inserts through Prisma.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { createClient } from "@libsql/client";
import { closeDatabase, type Db, directSql, openDatabase, resolveSqliteUrl } from "../prisma/client.ts";
import { newId, sqlDate } from "../prisma/direct-sql.ts";
import { insertInbound } from "../prisma/inbound-repository.ts";
import { against, type BenchLine, round } from "./support/lines.ts";
import { createWorkspace } from "./support/workspace.ts";

type Mode = "default" | "wal_normal" | "wal_full" | "wal_normal_batched";

const pragmas: Record<Mode, string[]> = {
  default: ["PRAGMA journal_mode = DELETE", "PRAGMA synchronous = FULL"],
  wal_normal: ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"],
  wal_full: ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL"],
  wal_normal_batched: ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"],
};

const row = (i: number) => ({
  platform: "terminal",
  messageId: `m-${i}-${randomUUID().slice(0, 8)}`,
  chatId: "bench-chat",
  senderId: "bench-sender",
});

/** Inserts/s, bounded by a number of rows and a time budget, whichever comes first. */
async function insertRate(db: Db, mode: Mode, maxRows: number, maxMs: number): Promise<{ rate: number; rows: number }> {
  for (const pragma of pragmas[mode]) await db.$queryRawUnsafe(pragma);
  const batch = mode === "wal_normal_batched" ? 100 : 1;
  let rows = 0;
  const started = performance.now();
  while (rows < maxRows && performance.now() - started < maxMs) {
    if (batch === 1) await db.inboundMessage.create({ data: row(rows) });
    else await db.inboundMessage.createMany({ data: Array.from({ length: batch }, (_, i) => row(rows + i)) });
    rows += batch;
  }
  return { rate: rows / ((performance.now() - started) / 1000), rows };
}

export async function runSqliteBench(options: { redisUrl: string; smoke: boolean }): Promise<BenchLine[]> {
  const { smoke } = options;
  const ws = createWorkspace(options.redisUrl, "sqlite");
  const lines: BenchLine[] = [];
  try {
    const rates = {} as Record<Mode, { rate: number; rows: number }>;
    for (const mode of Object.keys(pragmas) as Mode[]) {
      const db = await openDatabase(`file:${path.join(ws.dir, `${mode}.db`)}`);
      try {
        rates[mode] = await insertRate(db, mode, smoke ? 300 : 20_000, smoke ? 500 : 4000);
      } finally {
        await db.$disconnect();
      }
    }
    const base = rates.default.rate;
    for (const mode of Object.keys(pragmas) as Mode[]) {
      lines.push({
        name: `sqlite.inserts_${mode}`,
        value: Math.round(rates[mode].rate),
        unit: "rows/s",
        rows: rates[mode].rows,
        pragmas: pragmas[mode].join("; "),
        batch: mode === "wal_normal_batched" ? 100 : 1,
        ...(mode === "default" ? {} : against("sqlite.inserts_default", base, rates[mode].rate)),
      });
    }
    lines.push(...(await groupCommit(path.join(ws.dir, "group.db"), base, smoke)));
    lines.push(...(await tuningAfterTransaction(ws.databaseUrl)));
    lines.push(...(await clientCost(ws.databaseUrl, smoke)));
  } finally {
    await ws.cleanup();
  }
  return lines;
}

/** Inserts/s with 32 writers at once: through Prisma, and through plain SQL where they share commits. */
async function groupCommit(file: string, defaultRate: number, smoke: boolean): Promise<BenchLine[]> {
  const count = smoke ? 300 : 20_000;
  const db = await openDatabase(`file:${file}`);
  try {
    const sql = directSql(db);
    const insert = (i: number) =>
      sql.write(async (tx) => {
        const { platform, messageId, chatId, senderId } = row(i);
        await tx.execute(
          insertInbound(newId(), platform, messageId, chatId, senderId, "received", sqlDate(new Date()), null),
        );
      });
    const rate = async (write: (i: number) => Promise<unknown>) => {
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: 32 }, async () => {
          while (next < count) await write(next++);
        }),
      );
      return count / ((performance.now() - started) / 1000);
    };
    const prisma = await rate((i) => db.inboundMessage.create({ data: row(i) }));
    const plain = await rate(insert);
    return [
      {
        name: "sqlite.inserts_plain_group_commit",
        value: Math.round(plain),
        unit: "rows/s",
        rows: count,
        writers: 32,
        pragmas: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL",
        ...against("sqlite.inserts_prisma_32_writers", prisma, plain),
        against_defaults: round(plain / defaultRate, 1),
      },
      { name: "sqlite.inserts_prisma_32_writers", value: Math.round(prisma), unit: "rows/s", rows: count, writers: 32 },
    ];
  } finally {
    await closeDatabase(db);
  }
}

/** The tuning openDatabase applies, read back before and after one Prisma transaction. */
async function tuningAfterTransaction(url: string): Promise<BenchLine[]> {
  const db = await openDatabase(url);
  const read = async () => {
    const [sync] = await db.$queryRawUnsafe<{ synchronous: number | bigint }[]>("PRAGMA synchronous");
    const [busy] = await db.$queryRawUnsafe<{ timeout: number | bigint }[]>("PRAGMA busy_timeout");
    return { synchronous: Number(sync?.synchronous), busy_timeout_ms: Number(busy?.timeout) };
  };
  try {
    const before = await read();
    // As request intake writes: an interactive transaction (a batch of writes does the same).
    await db.$transaction(async (tx) => {
      await tx.requestEvent.count();
    });
    const after = await read();
    return [
      {
        name: "sqlite.busy_timeout_after_transaction",
        value: after.busy_timeout_ms,
        unit: "ms",
        before: before.busy_timeout_ms,
        synchronous_before: before.synchronous,
        synchronous_after: after.synchronous,
        target: `${before.busy_timeout_ms} (as openDatabase sets it)`,
        meets: after.busy_timeout_ms === before.busy_timeout_ms && after.synchronous === before.synchronous,
        note: "synchronous 1 = NORMAL, 2 = FULL; the libSQL client opens a new, untuned connection after each transaction",
      },
    ];
  } finally {
    await db.$disconnect();
  }
}

/** Primary-key reads per second through Prisma and through the libSQL client it runs on. */
async function clientCost(url: string, smoke: boolean): Promise<BenchLine[]> {
  const count = smoke ? 300 : 5000;
  const db = await openDatabase(url);
  const client = createClient({ url: resolveSqliteUrl(url) });
  try {
    const rows = await db.inboundMessage.findMany({ select: { id: true }, take: 200 });
    const ids = rows.map((r) => r.id);
    if (ids.length === 0) await db.inboundMessage.create({ data: row(0) }).then((r) => ids.push(r.id));
    const time = async (read: (id: string) => Promise<unknown>) => {
      for (let i = 0; i < 100; i++) await read(ids[i % ids.length] as string); // warm up
      const started = performance.now();
      for (let i = 0; i < count; i++) await read(ids[i % ids.length] as string);
      return count / ((performance.now() - started) / 1000);
    };
    const prisma = await time((id) => db.inboundMessage.findUnique({ where: { id } }));
    const raw = await time((id) => client.execute({ sql: "SELECT * FROM InboundMessage WHERE id = ?", args: [id] }));
    return [
      {
        name: "sqlite.read_prisma",
        value: Math.round(prisma),
        unit: "reads/s",
        reads: count,
        mean_ms: round(1000 / prisma, 4),
        ...against("sqlite.read_libsql", raw, prisma),
      },
      {
        name: "sqlite.read_libsql",
        value: Math.round(raw),
        unit: "reads/s",
        reads: count,
        mean_ms: round(1000 / raw, 4),
      },
    ];
  } finally {
    client.close();
    await db.$disconnect();
  }
}
