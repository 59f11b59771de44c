// Redis commands per request and per chat message, counted by Redis itself (INFO commandstats) on a
// private redis-server that nothing else uses: the capacity formula of README "Running on several
// machines" uses these numbers. The idle rate (workers waiting for jobs, stalled-job checks) is
// measured first and subtracted from the busy window.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ensureRedis } from "../bot/redis.ts";
import { createLog } from "../core/log.ts";
import { connectRedis } from "../jobs/redis-connection.ts";
import { startBenchApp } from "./support/bench-app.ts";
import { type BenchLine, round, sleep, waitUntil } from "./support/lines.ts";
import { completeRequestTexts, paced, terminalMessage } from "./support/traffic.ts";
import { createWorkspace } from "./support/workspace.ts";

type Stats = Map<string, number>;

/** Calls per command since the last reset (without the measuring commands), and Redis's CPU seconds so far. */
async function commandStats(url: string): Promise<{ stats: Stats; cpu: number }> {
  const redis = connectRedis(url);
  try {
    const info = await redis.info("commandstats");
    const stats: Stats = new Map();
    for (const [, name = "", calls = "0"] of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
      if (name !== "info" && name !== "config|resetstat" && name !== "config") stats.set(name, Number(calls));
    }
    return { stats, cpu: await cpuSeconds(url) };
  } finally {
    redis.disconnect();
  }
}

/** CPU the redis-server process has used (user + system), in seconds. */
async function cpuSeconds(url: string): Promise<number> {
  const redis = connectRedis(url);
  try {
    const info = await redis.info("cpu");
    const of = (field: string) => Number(new RegExp(`^${field}:([\\d.]+)`, "m").exec(info)?.[1] ?? 0);
    return of("used_cpu_user") + of("used_cpu_sys");
  } finally {
    redis.disconnect();
  }
}

async function resetStats(url: string): Promise<void> {
  const redis = connectRedis(url);
  try {
    await redis.config("RESETSTAT");
  } finally {
    redis.disconnect();
  }
}

const total = (stats: Stats) => [...stats.values()].reduce((sum, calls) => sum + calls, 0);

/** The commands with the most calls, as "name=calls" (what the count is made of). */
function topCommands(stats: Stats, per: number): string {
  return [...stats]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([name, calls]) => `${name}=${round(calls / per, 1)}`)
    .join(" ");
}

export async function runRedisCommandsBench(options: { smoke: boolean }): Promise<BenchLine[]> {
  const { smoke } = options;
  // A Redis of its own: commandstats counts every client of the server.
  const redisDir = mkdtempSync(path.join(tmpdir(), "craftbridge-bench-cmdstats-"));
  const own = await ensureRedis({
    url: "redis://127.0.0.1:1",
    autostart: true,
    dataDir: redisDir,
    log: createLog("silent"),
  });
  const ws = createWorkspace(own.url, "redis-commands", { MONTHLY_OFFER_CAP: "100000" });
  const experts = smoke ? 200 : 1000;
  const { app, adapter } = await startBenchApp(ws, experts);
  try {
    const offers = () => adapter.sent.filter((sent) => sent.key.startsWith("offer-")).length;
    const replies = () => adapter.sent.filter((sent) => sent.key.startsWith("in-terminal-")).length;
    const say = (i: number, text: string) =>
      app.dispatch(terminalMessage(ws.config.BOT_NAME, `企业联系人${i % 100}`, `企业群${i % 25}`, text));
    // Warm-up: the ranker builds its index on the first match; not counted.
    await say(0, completeRequestTexts()[0] as string);
    await waitUntil(() => offers() >= 1, 60_000);
    await app.waitUntilIdle(30_000);

    // Idle: what one process's workers send with nothing to do.
    const idleMs = smoke ? 1000 : 5000;
    await resetStats(own.url);
    const idleCpuBefore = await cpuSeconds(own.url);
    await sleep(idleMs);
    const idle = await commandStats(own.url);
    const idlePerSecond = total(idle.stats) / (idleMs / 1000);
    const idleCpuPerSecond = (idle.cpu - idleCpuBefore) / (idleMs / 1000);

    /** Sends `count` messages at 20/s, waits until `done` holds, returns the net commands per message. */
    const measure = async (count: number, text: (i: number) => string, done: () => boolean) => {
      await resetStats(own.url);
      const cpuBefore = await cpuSeconds(own.url);
      const started = performance.now();
      await paced(count, 20, (i) => say(i + 1, text(i)));
      const drained = await waitUntil(done, 120_000, 20);
      // The jobs' completion bookkeeping lands just after the last send.
      await sleep(500);
      const seconds = (performance.now() - started) / 1000;
      const { stats, cpu } = await commandStats(own.url);
      const net = total(stats) - idlePerSecond * seconds;
      // Redis's own CPU per message: what one Redis core's capacity is divided by in the formula.
      const cpuUs = ((cpu - cpuBefore - idleCpuPerSecond * seconds) / count) * 1e6;
      return { perMessage: net / count, cpuUs, stats, seconds, drained };
    };

    const count = smoke ? 10 : 200;
    const texts = completeRequestTexts();
    const offersBefore = offers();
    const requests = await measure(
      count,
      (i) => texts[(i + 1) % texts.length] as string,
      () => offers() >= offersBefore + count,
    );
    await app.waitUntilIdle(30_000);
    const repliesBefore = replies();
    const chat = await measure(
      count,
      () => `@${ws.config.BOT_NAME} 帮助`,
      () => replies() >= repliesBefore + count,
    );
    const context = { experts, messages: count, rate: 20, idle_commands_per_s: round(idlePerSecond, 1) };
    return [
      {
        name: "redis.commands_per_request",
        value: round(requests.perMessage, 1),
        unit: "commands",
        ...context,
        redis_cpu_us_per_request: round(requests.cpuUs, 0),
        requests_per_redis_core: round(1e6 / requests.cpuUs, 0),
        drained: requests.drained,
        seconds: round(requests.seconds, 1),
        scripts: round((requests.stats.get("evalsha") ?? 0) / count, 1),
        top: topCommands(requests.stats, count),
      },
      {
        name: "redis.commands_per_chat_message",
        value: round(chat.perMessage, 1),
        unit: "commands",
        ...context,
        redis_cpu_us_per_message: round(chat.cpuUs, 0),
        drained: chat.drained,
        seconds: round(chat.seconds, 1),
        scripts: round((chat.stats.get("evalsha") ?? 0) / count, 1),
        top: topCommands(chat.stats, count),
      },
      { name: "redis.idle_commands_per_process", value: round(idlePerSecond, 1), unit: "commands/s", experts },
    ];
  } finally {
    await app.jobs.obliterate();
    await app.stop();
    await ws.cleanup();
    await own.stop();
    rmSync(redisDir, { recursive: true, force: true });
  }
}
