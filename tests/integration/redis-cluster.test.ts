// Redis beyond one server: the whole pipeline (a request in a group, matching, a private offer, the
// introduction) on a three-node Redis Cluster and on a master behind a Sentinel, each started by the test.
import { afterEach, describe, expect, it } from "vitest";
import { eventually } from "../reliability/support/processes.ts";
import {
  ask,
  type RedisTopology,
  redisServerMissing,
  startRedisCluster,
  startRedisSentinel,
} from "../support/redis-topologies.ts";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

const group = "东莞精密制造群";
const manager = "东莞精工-陈主任";
const request = "@匠桥 我们厂在东莞，数控加工的薄壁件变形严重，想请专家这个月来现场指导";

/** Sends a request and has the offered expert accept it: the bot's whole path through Redis. */
async function requestToIntroduction(bot: TestBot): Promise<void> {
  const lines = await bot.run([`/in ${group}`, `/as ${manager}`, request]);
  expect(
    lines.some((line) => line.startsWith(`[${group}] 匠桥: 已登记需求 R-0001`)),
    lines.join("\n"),
  ).toBe(true);
  const offer = lines.find((line) => line.startsWith("[dm:") && line.includes("[1:接受]"));
  expect(offer, lines.join("\n")).toContain("R-0001");
  const expert = /^\[dm:([^\]]+)\]/.exec(offer ?? "")?.[1] ?? "";
  const answer = await bot.run([`/as ${expert}`, "/in dm", "接受 R-0001"]);
  expect(
    answer.some((line) => line.startsWith(`[${group}] 匠桥: 好消息`) && line.includes(expert)),
    answer.join("\n"),
  ).toBe(true);
}

/** How many keys of the deployment's queues each data server holds. */
async function queueKeysPerServer(topology: RedisTopology, prefix: string): Promise<number[]> {
  const counts: number[] = [];
  for (const port of topology.dataPorts) {
    const [, keys] = (await ask(port, "SCAN", "0", "MATCH", `${prefix}:*`, "COUNT", "100000")) as [string, string[]];
    counts.push(keys.length);
  }
  return counts;
}

const missing = redisServerMissing();

describe.skipIf(missing !== null)(`Redis beyond one server${missing ? ` (skipped: ${missing})` : ""}`, () => {
  let topology: RedisTopology | undefined;
  let bot: TestBot | undefined;
  afterEach(async () => {
    await bot?.stop();
    await topology?.stop();
    bot = undefined;
    topology = undefined;
  });

  it("runs a request to its introduction on a three-node Redis Cluster, every queue key in one slot", async () => {
    topology = await startRedisCluster();
    bot = await startTestBot({ REDIS_URL: topology.url, REDIS_AUTOSTART: "false" });
    expect(bot.app.redis.private).toBe(false);
    await eventually(async () => (await bot?.app.health.readiness())?.ready);
    await requestToIntroduction(bot);
    // One hash tag: BullMQ's scripts touch several keys at once, which a cluster allows within one slot only.
    const counts = await queueKeysPerServer(topology, bot.app.services.config.QUEUE_PREFIX);
    expect(counts.filter((count) => count > 0)).toHaveLength(1);
  }, 180_000);

  it("runs a request to its introduction on a master found through a Sentinel, and goes on after a failover", async () => {
    const sentinel = await startRedisSentinel();
    topology = sentinel;
    bot = await startTestBot({ REDIS_URL: sentinel.url, REDIS_AUTOSTART: "false" });
    expect(bot.app.redis.private).toBe(false);
    await eventually(async () => (await bot?.app.health.readiness())?.ready);
    await requestToIntroduction(bot);
    const [keys = 0] = await queueKeysPerServer(sentinel, bot.app.services.config.QUEUE_PREFIX);
    expect(keys).toBeGreaterThan(0);

    // The master dies; the Sentinel promotes its replica, and the bot follows it without a restart.
    await sentinel.failOver();
    await bot.run([
      "/in 江门五金企业群",
      "/as 江门五金-黄厂长",
      "@匠桥 江门的五金冲压模具磨损太快，想请专家下周来厂里指导",
    ]);
    await bot.waitFor(/^\[江门五金企业群\] 匠桥: 已登记需求 R-0002/, 60_000);
    await bot.waitFor(/^\[dm:[^\]]+\] 匠桥: .*R-0002.*\[1:接受\]/, 60_000);
    await eventually(async () => (await bot?.app.health.readiness())?.ready);
  }, 180_000);
});
