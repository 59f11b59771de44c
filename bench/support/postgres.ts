// The PostgreSQL server the benches name their rows `…postgres…` after: a fresh database per bench,
// dropped afterwards. `npm run bench -- --postgres URL` (default: the local server, when it answers).
import { randomUUID } from "node:crypto";
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
