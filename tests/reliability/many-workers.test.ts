// Four worker processes and a gateway on one database and one queue prefix, all writing at once: every
// request is handled, nobody gets an offer or an introduction twice, and no "database is locked"
// reaches anyone (SQLite WAL and busy timeout).
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import zh from "../../locales/zh-CN.json" with { type: "json" };
import { type Db, openDatabase } from "../../prisma/client.ts";
import { testDatabaseUrl } from "../support/test-database.ts";
import { expectEachOfferAndIntroductionOnce } from "./support/once-each.ts";
import {
  acceptShownOffers,
  type BotProcess,
  eventually,
  kill,
  platformSends,
  startBotProcess,
  startWorkerCommand,
} from "./support/processes.ts";

const dir = mkdtempSync(path.join(tmpdir(), "craftbridge-many-"));
const sentFile = path.join(dir, "platform.jsonl");
const env = {
  DATABASE_URL: testDatabaseUrl(dir, "many.db"),
  DATA_DIR: dir,
  QUEUE_PREFIX: `test-${randomUUID()}`,
  SENT_FILE: sentFile,
  LOG_LEVEL: "error",
};
const processes: BotProcess[] = [];
let db: Db | undefined;
afterAll(async () => {
  for (const proc of processes) if (proc.child.exitCode === null) await kill(proc);
  await db?.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

const cities = ["东莞", "佛山", "深圳", "广州", "惠州", "中山"];
const problems = [
  "数控加工的薄壁件变形严重",
  "注塑件有缩痕和飞边",
  "窑炉温控PLC经常跳闸",
  "焊接机器人焊缝有气孔",
  "模具寿命短经常开裂",
  "电机控制器过热报警",
];

describe("four workers on one queue", () => {
  it("handle every request once: no duplicate offers or introductions, no database error", async () => {
    const gateway = await startBotProcess(env);
    processes.push(gateway);
    const workers = await Promise.all(Array.from({ length: 4 }, () => startWorkerCommand(env)));
    processes.push(...workers);
    const store = await openDatabase(env.DATABASE_URL, { migrate: false });
    db = store;

    const count = 8;
    for (let i = 0; i < count; i++) {
      gateway.say({
        chatId: `企业群-${i}`,
        senderId: `企业-${i}-经理`,
        text: `@匠桥 我们厂在${cities[i % cities.length]}，${problems[i % problems.length]}，想请专家下周来现场指导`,
      });
    }
    await eventually(async () => (await store.helpRequest.count()) === count);
    // Every expert accepts every offer they get, as soon as it is on the platform.
    const answered = new Set<string>();
    await eventually(async () => {
      await acceptShownOffers(store, sentFile, answered, gateway.say);
      const waiting = await store.helpRequest.count({ where: { status: { notIn: ["introduced", "unmatched"] } } });
      const pending = await store.outboundMessage.count({ where: { status: "pending" } });
      return waiting === 0 && pending === 0;
    }, 150_000).catch(async (error) => {
      const states = await store.helpRequest.findMany({ select: { code: true, status: true, waitReason: true } });
      throw new Error(`${error}: ${JSON.stringify(states)} ${processes.map((proc) => proc.stderr()).join("\n")}`);
    });

    const requests = await store.helpRequest.findMany({ include: { matches: true } });
    expect(requests.filter((request) => request.status === "introduced").length).toBeGreaterThanOrEqual(count - 1);
    const rows = await store.outboundMessage.findMany();
    const keys = rows.map((row) => row.key);
    expectEachOfferAndIntroductionOnce(requests, keys);
    // The platform was asked for each message once.
    const sends = platformSends(sentFile).map((send) => send.key);
    expect(new Set(sends).size).toBe(sends.length);
    expect(new Set(sends)).toEqual(new Set(keys));
    // No handler failed, no internal error sent, nothing about a locked database anywhere.
    expect(await store.inboundMessage.count({ where: { status: "failed" } })).toBe(0);
    expect(rows.filter((row) => row.payload.includes(zh.errors.internal))).toEqual([]);
    for (const proc of processes) expect(proc.stderr()).not.toMatch(/database is locked|SQLITE_BUSY/i);
    // Every process shuts down cleanly.
    for (const proc of processes) proc.child.kill("SIGTERM");
    for (const proc of processes) expect(await proc.exited()).toBe(0);
  }, 240_000);
});
