// A full disk, made deterministic with PRAGMA max_page_count on the bot's own write connection: every
// write settles (rejected, never left hanging), Lark is not told 200 for events that were not stored,
// the failure is logged, shutdown does not hang, and the events Lark sends again once there is room
// are all handled.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createPlatformAdapters } from "../../bot/adapters/index.ts";
import type { LarkAdapter } from "../../bot/adapters/lark/lark-adapter.ts";
import { type App, startApp } from "../../bot/app.ts";
import { loadConfig } from "../../core/config.ts";
import { createLog } from "../../core/log.ts";
import { type Db, directSql, openDatabase, sqliteDirectSql } from "../../prisma/client.ts";
import { newId, type SqlWriter, sqlDate } from "../../prisma/direct-sql.ts";
import { insertInbound as insertInboundRow } from "../../prisma/inbound-repository.ts";
import { type FakeLark, startFakeLark } from "../adapters/fake-lark.ts";
import { deliver, helpBurst, larkWebhookSettings, post } from "../adapters/lark-events.ts";
import { onPostgres } from "../support/test-database.ts";
import { eventually } from "./support/processes.ts";

/** Lets the write connection grow no further than it is now, and fills what room is left in its pages. */
async function fillDisk(db: Db): Promise<void> {
  const sql = sqliteDirectSql(db);
  const { page_count } = sql.pragma<{ page_count: number }>("PRAGMA page_count") ?? { page_count: 0 };
  sql.pragma(`PRAGMA max_page_count = ${page_count}`);
  for (const size of [1000, 300, 100, 30]) {
    for (;;) {
      const written = await sql.write(filler(size)).then(
        () => true,
        () => false,
      );
      if (!written) break;
    }
  }
}

const filler = (size: number) => (tx: SqlWriter) =>
  tx.execute(insertInboundRow(newId(), "filler", "x".repeat(size) + newId(), "", "", "filler", "", null));

function makeRoom(db: Db): void {
  sqliteDirectSql(db).pragma("PRAGMA max_page_count = 1073741823");
}

const insertInbound = (i: number) => (tx: SqlWriter) =>
  tx.execute(
    insertInboundRow(
      newId(),
      "lark",
      `om_${i}_${"x".repeat(2000)}`,
      "oc",
      "ou",
      "x".repeat(2000),
      sqlDate(new Date()),
      null,
    ),
  );

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// SQLite only by nature: PRAGMA max_page_count on the SQLite file is what makes the disk full here.
describe.skipIf(onPostgres)("a full disk (SQLite only: made full with the SQLite file's max_page_count)", () => {
  it("rejects every write of a batch, alone or together, and writes again once there is room", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "craftbridge-full-"));
    dirs.push(dir);
    const db = await openDatabase(`file:${path.join(dir, "full.db")}`);
    try {
      await fillDisk(db);
      // Ten writes queued together share one transaction; one more runs alone.
      const together = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) => directSql(db).write(insertInbound(i))),
      );
      const alone = await Promise.allSettled([directSql(db).write(insertInbound(99))]);
      for (const outcome of [...together, ...alone]) {
        expect(outcome.status).toBe("rejected");
        expect(String((outcome as PromiseRejectedResult).reason)).toMatch(/full/i);
      }
      makeRoom(db);
      await directSql(db).write(insertInbound(100));
      expect(await db.inboundMessage.count({ where: { platform: "lark" } })).toBe(1);
    } finally {
      await db.$disconnect();
    }
  });

  describe("behind the Lark webhook", () => {
    let fake: FakeLark;
    let app: App | undefined;

    afterEach(async () => {
      await app?.jobs.obliterate();
      await app?.stop();
      app = undefined;
      await fake.close();
    });

    it("answers Lark with an error instead of 200, logs it, stops cleanly, and handles every event sent again", async () => {
      fake = await startFakeLark();
      fake.chats.set("oc_factory", { name: "东莞制造企业群", mode: "group" });
      const dir = mkdtempSync(path.join(tmpdir(), "craftbridge-full-lark-"));
      dirs.push(dir);
      const config = loadConfig({
        DATABASE_URL: `file:${path.join(dir, "test.db")}`,
        QUEUE_PREFIX: `test-${randomUUID()}`,
        LOG_LEVEL: "info",
        ...larkWebhookSettings(fake.url),
      });
      const logged: string[] = [];
      const logStream = new PassThrough();
      logStream.on("data", (chunk: Buffer) => logged.push(...chunk.toString("utf8").split("\n").filter(Boolean)));
      const log = createLog("info", logStream);
      let started: App | undefined;
      const adapters = await createPlatformAdapters(config, log, { db: () => started?.services.db });
      const adapter = adapters[0] as LarkAdapter;
      started = await startApp({ config, log, adapters, dataDir: dir });
      app = started;
      const url = `http://127.0.0.1:${adapter.port}/lark/events`;
      const { db } = started.services;

      const events = helpBurst("oc_factory", 10, fake.botOpenId);
      await fillDisk(db);
      const refused = await Promise.all(events.map((event) => post(url, deliver(event))));
      expect(refused.map((answer) => answer.status)).toEqual(events.map(() => 500));
      expect(logged.filter((line) => line.includes("Lark event not stored"))).toHaveLength(10);

      // Lark sends each again later; by then there is room.
      makeRoom(db);
      const accepted = await Promise.all(events.map((event) => post(url, deliver(event))));
      expect(accepted.map((answer) => answer.status)).toEqual(events.map(() => 200));
      for (const event of events) {
        const uuid = `in-lark-${event.event.message.message_id}-0`;
        await eventually(async () => fake.messages.some((message) => message.uuid === uuid));
      }
      expect(await db.inboundMessage.count({ where: { status: "handled" } })).toBe(10);

      // Shutdown while the disk is full again settles every write and returns.
      await fillDisk(db);
      await Promise.allSettled(Array.from({ length: 5 }, (_, i) => directSql(db).write(insertInbound(i))));
      app = undefined;
      await started.jobs.obliterate();
      await started.stop();
    });
  });
});
