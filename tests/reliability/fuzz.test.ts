// 10,000 generated messages through the dispatcher: random Unicode, control characters, 100 KB texts,
// deeply nested Lark JSON as text, Lark events of wrong types through the adapter's conversion, forged
// mentions, command injection, SQL-looking text. No crash, no unhandled rejection, a polite reply or
// silence, and a database that still makes sense.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toIncoming } from "../../bot/adapters/lark/incoming-event.ts";
import { createDispatcher, type Dispatch } from "../../bot/dispatcher.ts";
import { loadConfig } from "../../core/config.ts";
import { createLog } from "../../core/log.ts";
import type { IncomingMessage } from "../../core/messages.ts";
import { JobSystem } from "../../jobs/job-system.ts";
import { createOutbox } from "../../jobs/outbox.ts";
import { typedEnqueue } from "../../jobs/registry.ts";
import type { Services } from "../../jobs/services.ts";
import zh from "../../locales/zh-CN.json" with { type: "json" };
import { openDatabase } from "../../prisma/client.ts";
import { seedDemoData } from "../../prisma/seed/seed-demo.ts";
import { testDatabaseUrl } from "../support/test-database.ts";

const dir = mkdtempSync(path.join(tmpdir(), "craftbridge-fuzz-"));
let services: Services;
let jobs: JobSystem;
let dispatch: Dispatch;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
beforeAll(async () => {
  process.on("unhandledRejection", onRejection);
  // The dispatcher and handlers as a gateway runs them, on a real database and real queues; no workers,
  // so the run measures the input path (what the queued jobs do is other tests' business).
  const config = loadConfig({
    DATABASE_URL: testDatabaseUrl(dir, "fuzz.db"),
    DATA_DIR: dir,
    QUEUE_PREFIX: `test-${randomUUID()}`,
  });
  const db = await openDatabase(config.DATABASE_URL);
  await seedDemoData(db);
  const log = createLog("silent");
  jobs = new JobSystem(config.REDIS_URL, config.QUEUE_PREFIX, log);
  const enqueue = typedEnqueue(jobs.add);
  services = { db, config, log, send: createOutbox(db, enqueue), enqueue };
  dispatch = createDispatcher(services);
});
afterAll(async () => {
  process.off("unhandledRejection", onRejection);
  await jobs.obliterate();
  await jobs.close();
  await services.db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

// A small deterministic generator, so a failure can be replayed.
let seed = 20261123;
const random = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const codePoint = () =>
  pick([
    () => String.fromCodePoint(Math.floor(random() * 0x20)),
    () => String.fromCodePoint(0x4e00 + Math.floor(random() * 0x5000)),
    () => String.fromCodePoint(Math.floor(random() * 0x10ffff)).replace(/[\ud800-\udfff]/g, "?"),
    () => pick(["\u202e", "\u200d", "\ufeff", "\u0000", "👷", "🏭", "\n", "\t", " "]),
    () => String.fromCharCode(0x20 + Math.floor(random() * 0x5f)),
  ])();
const randomText = (length: number) => Array.from({ length }, codePoint).join("");
const nested = (depth: number): unknown =>
  depth === 0 ? "x" : { content: [[{ tag: "text", text: nested(depth - 1) }]] };
const hostile = [
  "'; DROP TABLE HelpRequest; --",
  "R-0001' OR '1'='1",
  "$(rm -rf /)",
  "`reboot`",
  "/requests all; /close R-0001",
  "/assign R-0001 D001",
  "@匠桥 @_user_1 @all 接受 R-0001",
  "接受 R-9999",
  "<script>alert(1)</script>",
  '=HYPERLINK("http://evil","点我")',
  "{{constructor.constructor('return process')()}}",
  "__proto__",
  "%s%s%s%n",
  "删除我的信息",
  "确认注销",
  "1390000123413900001234",
];

function message(i: number): IncomingMessage {
  const kind = i % 8;
  let text: string;
  if (kind === 0) text = randomText(1 + Math.floor(random() * 200));
  else if (kind === 1) text = i % 400 === 1 ? "测".repeat(100 * 1024) : randomText(i % 40 === 1 ? 5000 : 300);
  else if (kind === 2) text = JSON.stringify(nested(1 + Math.floor(random() * 60)));
  else if (kind === 3) text = `${pick(["@匠桥 ", "", "@匠桥@匠桥 "])}${pick(hostile)} ${randomText(10)}`;
  else if (kind === 4)
    text = `@匠桥 ${pick(["东莞", "佛山", "Shenzhen"])}${pick(["数控", "注塑", "PLC"])}${randomText(20)}`;
  else text = pick(hostile);
  return {
    platform: pick(["lark", "wechat", "terminal"] as const),
    messageId: `fuzz-${i}`,
    chatId: pick(["oc_a", "oc_b", "room@chatroom", `dm:${i % 97}`]),
    chatKind: pick(["group", "direct"] as const),
    senderId: `sender-${i % 211}`,
    senderName: pick(["王经理", "", "匠桥", "工会小陈", randomText(8)]),
    text,
    mentionsBot: random() < 0.5,
    receivedAt: new Date(),
  };
}

/** A Lark event with fields of the wrong types, through the adapter's own conversion. */
function larkEvent(i: number): IncomingMessage | null {
  const wrong = () => pick<unknown>([null, 42, [], {}, true, "", "x", undefined, { text: 1 }]);
  const event = {
    sender: pick<unknown>([{ sender_id: { open_id: `ou_${i % 50}` }, sender_type: pick(["user", wrong()]) }, wrong()]),
    message: {
      message_id: pick<unknown>([`om_fuzz_${i}`, wrong()]),
      chat_id: pick<unknown>(["oc_a", wrong()]),
      chat_type: pick<unknown>(["group", "p2p", wrong()]),
      message_type: pick<unknown>(["text", "post", "image", wrong()]),
      content: pick<unknown>([JSON.stringify({ text: wrong() }), JSON.stringify(nested(30)), "not json", wrong()]),
      create_time: pick<unknown>(["1700000000000", wrong()]),
      mentions: pick<unknown>([[{ key: "@_user_1", name: wrong(), id: wrong() }], wrong()]),
    },
  };
  try {
    const incoming = toIncoming(event as never, { name: "匠桥" });
    return incoming ? { ...incoming, senderName: "x" } : null;
  } catch {
    // The adapter refuses what it cannot read; the webhook answers and nothing reaches the dispatcher.
    return null;
  }
}

// 10,000 by default (about 20 s on 2 cores since the hot path runs plain SQL); FUZZ_MESSAGES sets another count.
const total = Number(process.env["FUZZ_MESSAGES"] ?? 10_000);

describe("fuzzing the dispatcher", () => {
  it(`survives ${total.toLocaleString("en")} hostile messages with polite replies or silence and a consistent database`, async () => {
    let dispatched = 0;
    for (let i = 0; i < total; i += 8) {
      const batch: IncomingMessage[] = [];
      for (let j = i; j < Math.min(i + 8, total); j++) {
        const incoming = j % 10 === 9 ? larkEvent(j) : message(j);
        if (incoming) batch.push(incoming);
      }
      dispatched += batch.length;
      await Promise.all(batch.map((incoming) => dispatch(incoming)));
    }
    expect(dispatched).toBeGreaterThan(total * 0.9);
    expect(rejections).toEqual([]);

    const { db } = services;
    expect(await db.inboundMessage.count({ where: { status: "failed" } })).toBe(0);
    expect(await db.inboundMessage.count({ where: { status: "received" } })).toBe(0);
    // Every reply is a sentence of the locales, never an internal error.
    const replies = await db.outboundMessage.findMany({ select: { payload: true } });
    expect(replies.length).toBeGreaterThan(100);
    const internal = zh.errors.internal;
    expect(replies.filter((row) => row.payload.includes(internal))).toEqual([]);
    for (const row of replies) expect(JSON.parse(row.payload)).toHaveProperty("kind");
    // Requests are whole: a code, a known status, a chat and a requester that exist.
    const statuses = [
      "draft",
      "open",
      "matching",
      "offered",
      "introduced",
      "unmatched",
      "closed",
      "cancelled",
      "expired",
    ];
    for (const request of await db.helpRequest.findMany({ include: { chat: true, requester: true } })) {
      expect(request.code).toMatch(/^R-\d{4,}$/);
      expect(statuses).toContain(request.status);
      expect(request.chat).toBeTruthy();
      expect(request.requester).toBeTruthy();
    }
    const orphans = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT (SELECT COUNT(*) FROM "Identity" WHERE "personId" NOT IN (SELECT "id" FROM "Person"))
            + (SELECT COUNT(*) FROM "Match" WHERE "requestId" NOT IN (SELECT "id" FROM "HelpRequest"))
            + (SELECT COUNT(*) FROM "RequestEvent" WHERE "requestId" NOT IN (SELECT "id" FROM "HelpRequest")) AS n`,
    );
    expect(Number(orphans[0]?.n)).toBe(0);
    expect(await db.helpRequest.count({ where: { code: { startsWith: "pending-" } } })).toBe(0);
  }, 600_000);
});
