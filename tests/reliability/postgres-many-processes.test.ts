// Two gateways and four `craftbridge worker` processes on one PostgreSQL database and one Redis, in any test run where a
// PostgreSQL answers at TEST_POSTGRES_URL: a burst of requests through both gateways, one worker
// SIGKILLed midway. Every request is handled, every message kept, nobody gets an offer or an
// introduction twice, and no deadlock or serialization failure is left unretried.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import zh from "../../locales/zh-CN.json" with { type: "json" };
import { type Db, openDatabase } from "../../prisma/client.ts";
import { postgresMissing, postgresTestDatabaseUrl } from "../support/test-database.ts";
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

const missing = await postgresMissing();
const dir = mkdtempSync(path.join(tmpdir(), "craftbridge-pg-many-"));
const sentFile = path.join(dir, "platform.jsonl");
const env = {
  DATABASE_URL: postgresTestDatabaseUrl(dir, "many.db"),
  DATA_DIR: dir,
  QUEUE_PREFIX: `test-${randomUUID()}`,
  SENT_FILE: sentFile,
  LOG_LEVEL: "error",
  // The killed worker's jobs go back to the queue after 5 s instead of 30 s. Not shorter: six processes on a
  // busy 2-core machine miss 1.5 s lock renewals, and BullMQ fails a job that seems to stall twice.
  JOB_LOCK_MS: "5000",
  JOB_STALLED_INTERVAL_MS: "1000",
};
const processes: BotProcess[] = [];
let db: Db | undefined;
afterAll(async () => {
  for (const proc of processes) if (proc.child.exitCode === null) await kill(proc);
  await db?.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

const cities = ["东莞", "佛山", "深圳", "广州", "惠州", "中山", "珠海", "江门"];
const problems = [
  "数控加工的薄壁件变形严重",
  "注塑件有缩痕和飞边",
  "焊接机器人焊缝有气孔",
  "模具寿命短经常开裂",
  "电机控制器过热报警",
];
/** What a failed transaction of PostgreSQL says when nobody ran it again. */
const unretried = /deadlock detected|could not serialize|40P01|40001/i;

describe.skipIf(missing !== null)(
  `two gateways and four workers on one PostgreSQL${missing ? ` (skipped: ${missing})` : ""}`,
  () => {
    it("handle a burst once each, through a worker's SIGKILL: no duplicate, no lost message, no unretried deadlock", async () => {
      // The first process applies the migrations; the others find them applied.
      const first = await startBotProcess(env);
      processes.push(first);
      const others = await Promise.all([
        startBotProcess(env),
        // The workers are `craftbridge worker` as deployed.
        ...Array.from({ length: 4 }, () => startWorkerCommand(env)),
      ]);
      processes.push(...others);
      const gateways = [first, others[0] as BotProcess];
      const workers = others.slice(1);
      const store = await openDatabase(env.DATABASE_URL, { migrate: false });
      db = store;

      const count = 12;
      let said = 0;
      for (let i = 0; i < count; i++) {
        (gateways[i % 2] as BotProcess).say({
          chatId: `企业群-${i}`,
          senderId: `企业-${i}-经理`,
          text: `@匠桥 我们厂在${cities[i % cities.length]}，${problems[i % problems.length]}，想请专家下周来现场指导`,
        });
        said++;
      }
      // Midway: the requests are in, the first offers are out, and one worker dies without a word.
      await eventually(async () => (await store.helpRequest.count()) === count);
      await eventually(async () => platformSends(sentFile).some((send) => send.key.startsWith("offer-")));
      const killed = workers[0] as BotProcess;
      await kill(killed);

      // Every expert accepts every offer shown to them, through either gateway.
      const answered = new Set<string>();
      await eventually(async () => {
        said += await acceptShownOffers(store, sentFile, answered, (message) =>
          (gateways[answered.size % 2] as BotProcess).say(message),
        );
        const waiting = await store.helpRequest.count({ where: { status: { notIn: ["introduced", "unmatched"] } } });
        const pending = await store.outboundMessage.count({ where: { status: "pending" } });
        const unhandled = await store.inboundMessage.count({ where: { status: { notIn: ["handled", "ignored"] } } });
        return waiting === 0 && pending === 0 && unhandled === 0;
      }, 180_000).catch(async (error) => {
        const states = await store.helpRequest.findMany({ select: { code: true, status: true, waitReason: true } });
        throw new Error(`${error}: ${JSON.stringify(states)} ${processes.map((proc) => proc.stderr()).join("\n")}`);
      });

      // No lost message: every message said was stored once, and (above) handled.
      expect(await store.inboundMessage.count()).toBe(said);

      const requests = await store.helpRequest.findMany({ include: { matches: true } });
      // The demo roster has an expert for each of these problems: every request ends introduced.
      expect(requests.filter((request) => request.status !== "introduced").map((request) => request.text)).toEqual([]);
      const rows = await store.outboundMessage.findMany();
      const keys = rows.map((row) => row.key);
      expectEachOfferAndIntroductionOnce(requests, keys);
      // The platform showed each message once (a delivery the killed worker had begun may be attempted again).
      const shown = platformSends(sentFile)
        .filter((send) => send.shown)
        .map((send) => send.key);
      expect(new Set(shown).size).toBe(shown.length);
      expect(new Set(shown)).toEqual(new Set(keys));
      expect(rows.filter((row) => row.status !== "sent")).toEqual([]);
      expect(rows.filter((row) => row.payload.includes(zh.errors.internal))).toEqual([]);
      for (const proc of processes) expect(proc.stderr()).not.toMatch(unretried);
      // The survivors shut down cleanly.
      const survivors = processes.filter((proc) => proc !== killed);
      expect(survivors).toHaveLength(5);
      for (const proc of survivors) proc.child.kill("SIGTERM");
      for (const proc of survivors) expect(await proc.exited()).toBe(0);
    }, 300_000);
  },
);
