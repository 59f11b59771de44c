// Child process of the memory bench: holds experts in an ExpertIndex and prints one JSON line with
// its peak RSS. Modes: `baseline` (the same modules, no expert), `synthetic COUNT` (profiles built in
// memory), `database URL` (profiles loaded from SQLite as the match worker's ranker loads them).
import { readFileSync } from "node:fs";
import { ExpertIndex } from "../../jobs/matching/expert-index.ts";
import { openDatabase } from "../../prisma/client.ts";
import { expertProfilePages } from "../../prisma/expert-profiles.ts";
import { random, syntheticExperts } from "../support/synthetic.ts";

const [mode = "baseline", argument = "0"] = process.argv.slice(2);
const started = performance.now();
let index = new ExpertIndex();
if (mode === "synthetic") {
  const count = Number(argument);
  index = new ExpertIndex(syntheticExperts(count, random(count)));
} else if (mode === "database") {
  const db = await openDatabase(argument, { migrate: false });
  index = await ExpertIndex.fromPages(expertProfilePages(db, new Date()));
  await db.$disconnect();
}
const loadMs = performance.now() - started;

/**
 * Peak RSS of this process in MB: VmHWM on Linux. Not getrusage's maxRSS, which a spawned process
 * inherits from its parent's peak at fork time (Linux keeps it across exec).
 */
function peakRssMb(): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    if (hwm) return Math.round(Number(hwm) / 1024);
  } catch {
    // not Linux
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
// With --expose-gc (as the bench runs it) the heap is what the index keeps, without the garbage of loading.
globalThis.gc?.();
const heapUsedMb = process.memoryUsage().heapUsed / 1e6;
process.stdout.write(
  `${JSON.stringify({
    experts: index.size,
    load_ms: Math.round(loadMs),
    peak_rss_mb: peakRssMb(),
    rss_mb: Math.round(process.memoryUsage().rss / 1e6),
    heap_used_mb: Math.round(heapUsedMb),
  })}\n`,
);
