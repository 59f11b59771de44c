// The PostgreSQL server the benches name their rows `…postgres…` after: a fresh database per bench,
// dropped afterwards. `npm run bench -- --postgres URL` (default: the local server, when it answers).
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";

export interface BenchPostgres {
  freshDatabase(name: string): Promise<{ url: string; drop(): Promise<void> }>;
}

/** The server at `url`, or null when it does not answer (the PostgreSQL rows are then left out). */
export async function benchPostgres(url: string): Promise<BenchPostgres | null> {
  const admin = new pg.Client({ connectionString: url });
  admin.on("error", () => undefined);
  try {
    await admin.connect();
  } catch {
    return null;
  } finally {
    await admin.end().catch(() => undefined);
  }
  return {
    freshDatabase: async (name) => {
      const database = `cb_bench_${name}_${randomUUID().slice(0, 8)}`;
      const target = new URL(url);
      target.pathname = `/${database}`;
      return {
        // openDatabase creates it on first use.
        url: target.toString(),
        drop: async () => {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).finally(() => client.end());
        },
      };
    },
  };
}

/**
 * CPU milliseconds the server's backends for `databaseUrl` have used so far, read from /proc when the
 * server runs on this machine (null otherwise). Unlike messages/s, CPU per message barely moves with
 * other load on the machine, so it tells what the server costs even when the run is not alone.
 */
export async function backendCpuMs(databaseUrl: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    let ticks = 0;
    for (const { pid } of rows) {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after the command name: utime and stime are the 12th and 13th (proc(5)).
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    }
    return rows.length > 0 ? ticks * (1000 / clockTicksPerSecond) : null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** USER_HZ: 100 on Linux on every architecture Node runs on. */
const clockTicksPerSecond = 100;
