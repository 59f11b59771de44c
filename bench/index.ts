// `npm run bench`: every benchmark, one JSON object per line (contract 4 in DESIGN.md): name, value,
// unit, and context — the reference measured in the same run with the ratio, the target and whether
// it is met. `--smoke` runs tiny sizes, only to prove every bench still works (CI). `--only a,b` runs
// the named benches. Each bench uses its own temporary SQLite file and queue prefix, removed afterwards.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { ensureRedis } from "../bot/redis.ts";
import { loadConfig } from "../core/config.ts";
import { createLog } from "../core/log.ts";
import { runConsoleBench } from "./console.ts";
import { runDigestBench } from "./digest.ts";
import { runEndToEndBench } from "./end-to-end.ts";
import { runInboundBench } from "./inbound.ts";
import { runMemoryBench } from "./memory.ts";
import { runQueueBench } from "./queue-overhead.ts";
import { runRankingBench } from "./ranking.ts";
import { runRedisCommandsBench } from "./redis-commands.ts";
import { runScalingBench } from "./scaling.ts";
import { runSqliteBench } from "./sqlite.ts";
import { type BenchLine, round } from "./support/lines.ts";
import { benchPostgres } from "./support/postgres.ts";
import { runUnderstandingBench } from "./understanding.ts";

const smoke = process.argv.includes("--smoke");
const onlyIndex = process.argv.indexOf("--only");
const postgresIndex = process.argv.indexOf("--postgres");
const postgresUrl =
  postgresIndex > 0 ? (process.argv[postgresIndex + 1] ?? "") : "postgresql://postgres@127.0.0.1:5432/postgres";
const only = onlyIndex > 0 ? new Set((process.argv[onlyIndex + 1] ?? "").split(",")) : null;

function print(line: BenchLine): void {
  // Other work on the machine moves the figures: the 1-minute load average is printed with each line.
  process.stdout.write(`${JSON.stringify({ ...line, smoke, load_1m: round(loadavg()[0] ?? 0, 2) })}\n`);
}

// Redis is reached exactly as the program reaches it: REDIS_URL if it answers, else a private redis-server.
const config = loadConfig();
const redisDir = mkdtempSync(path.join(tmpdir(), "craftbridge-bench-redis-"));
const redis = await ensureRedis({
  url: config.REDIS_URL,
  autostart: config.REDIS_AUTOSTART,
  dataDir: redisDir,
  log: createLog("silent"),
});
const redisUrl = redis.url;
// PostgreSQL rows run beside SQLite's when a server answers.
const postgres = await benchPostgres(postgresUrl);

const benches: [string, () => Promise<BenchLine[]>][] = [
  ["understanding", () => runUnderstandingBench({ smoke })],
  ["ranking", () => runRankingBench(smoke ? [200, 1000] : [1000, 10_000, 100_000])],
  ["inbound", () => runInboundBench({ redisUrl, smoke, postgres: postgres ?? undefined })],
  ["queue", () => runQueueBench({ redisUrl, smoke, postgres: postgres ?? undefined })],
  ["e2e", () => runEndToEndBench({ redisUrl, smoke, postgres: postgres ?? undefined })],
  ["memory", () => runMemoryBench({ redisUrl, smoke })],
  ["scaling", () => runScalingBench({ redisUrl, smoke, postgres: postgres ?? undefined })],
  ["sqlite", () => runSqliteBench({ redisUrl, smoke })],
  ["digest", () => runDigestBench({ redisUrl, smoke })],
  ["console", () => runConsoleBench({ redisUrl, smoke })],
  ["redis", () => runRedisCommandsBench({ smoke })],
];

print({
  name: "machine",
  value: cpus().length,
  unit: "cores",
  cpu: cpus()[0]?.model ?? "unknown",
  node: process.version,
  redis: redis.private ? "private redis-server" : "REDIS_URL",
});
let failed = false;
try {
  for (const [name, run] of benches) {
    if (only && !only.has(name)) continue;
    try {
      for (const line of await run()) print(line);
    } catch (error) {
      failed = true;
      process.stderr.write(
        `bench ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`,
      );
    }
  }
} finally {
  await redis.stop();
  rmSync(redisDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
