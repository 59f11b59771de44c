// A bot process behind the real Lark webhook, SIGKILLed in the middle of a burst of events: every event
// Lark was answered 200 for is handled after the restart (a 200 means stored), and the ones it was not
// answered for, sent again by Lark, are handled too; each gets exactly one reply.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../prisma/client.ts";
import { type FakeLark, startFakeLark } from "../adapters/fake-lark.ts";
import { deliver, helpBurst, larkWebhookSettings, post, replyKeyOf } from "../adapters/lark-events.ts";
import { testDatabaseUrl } from "../support/test-database.ts";
import { type BotProcess, eventually, kill, startLarkProcess } from "./support/processes.ts";

const dir = mkdtempSync(path.join(tmpdir(), "craftbridge-lark-kill-"));
let fake: FakeLark | undefined;
let running: BotProcess | undefined;
let db: Db | undefined;
afterAll(async () => {
  if (running?.child.exitCode === null) await kill(running);
  await db?.$disconnect();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("a Lark gateway killed during a burst of events", () => {
  it("handles after a restart every event it answered 200, and the rest once Lark sends them again", async () => {
    fake = await startFakeLark();
    fake.chats.set("oc_factory", { name: "东莞制造企业群", mode: "group" });
    const env = {
      DATABASE_URL: testDatabaseUrl(dir, "kill.db"),
      DATA_DIR: dir,
      QUEUE_PREFIX: `test-${randomUUID()}`,
      ...larkWebhookSettings(fake.url),
      // Events a dead process left unfinished are taken back after 1.5 s instead of 30 s.
      JOB_LOCK_MS: "1500",
      JOB_STALLED_INTERVAL_MS: "500",
    };
    const events = helpBurst("oc_factory", 40, fake?.botOpenId ?? "");

    const first = await startLarkProcess(env);
    running = first;
    const url = `http://127.0.0.1:${first.port}/lark/events`;
    // Five deliveries at a time, as Lark pushes them; the process dies once fifteen were acknowledged.
    const queue = [...events];
    const acknowledged = new Set<(typeof events)[number]>();
    let killed: Promise<void> | undefined;
    await Promise.all(
      Array.from({ length: 5 }, async () => {
        for (let event = queue.shift(); event; event = queue.shift()) {
          const answer = await post(url, deliver(event)).catch(() => ({ status: 0 }));
          if (answer.status === 200) acknowledged.add(event);
          if (acknowledged.size >= 15 && !killed) killed = kill(first);
        }
      }),
    );
    await killed;
    expect(acknowledged.size).toBeGreaterThanOrEqual(15);
    const unacknowledged = events.filter((event) => !acknowledged.has(event));
    expect(unacknowledged.length).toBeGreaterThan(0);

    const second = await startLarkProcess(env);
    running = second;
    // Nothing is sent again for the acknowledged ones: they were stored, and are handled from the database.
    for (const event of acknowledged) {
      await eventually(async () => fake?.messages.some((message) => message.uuid === replyKeyOf(event)));
    }
    // Lark sends again what it got no 200 for.
    const again = await Promise.all(
      unacknowledged.map((event) => post(`http://127.0.0.1:${second.port}/lark/events`, deliver(event))),
    );
    expect(again.map((answer) => answer.status)).toEqual(unacknowledged.map(() => 200));
    for (const event of events) {
      await eventually(async () => fake?.messages.some((message) => message.uuid === replyKeyOf(event)));
    }
    const store = await openDatabase(env.DATABASE_URL, { migrate: false });
    db = store;
    await eventually(
      async () => (await store.inboundMessage.count({ where: { platform: "lark", status: "handled" } })) === 40,
    );
    expect(await store.inboundMessage.count({ where: { status: { in: ["stored", "received"] } } })).toBe(0);
    // One reply each: the platform showed no message twice.
    const replies = fake.messages.filter((message) => message.receiveId === "oc_factory");
    expect(replies).toHaveLength(40);
    second.child.kill("SIGTERM");
    expect(await second.exited()).toBe(0);
  }, 240_000);
});
