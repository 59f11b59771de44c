// Files shared in a Lark group: the bot downloads only roster files from staff. Ten people sharing big
// files in a group cost it nothing; staff's roster file sent privately is fetched once and imported.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createPlatformAdapters } from "../../bot/adapters/index.ts";
import type { LarkAdapter } from "../../bot/adapters/lark/lark-adapter.ts";
import { type App, startApp } from "../../bot/app.ts";
import { loadConfig } from "../../core/config.ts";
import { createLog } from "../../core/log.ts";
import { type FakeLark, startFakeLark } from "../adapters/fake-lark.ts";
import { deliver, fileEvent, larkWebhookSettings, post } from "../adapters/lark-events.ts";
import { chatRoster, csvBytes } from "../roster/roster-files.ts";
import { testDatabaseUrl } from "../support/test-database.ts";
import { eventually } from "./support/processes.ts";

let fake: FakeLark | undefined;
let app: App | undefined;
let dir: string | undefined;
afterEach(async () => {
  await app?.jobs.obliterate();
  await app?.stop();
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("files shared on Lark", () => {
  it("are downloaded only when staff send a roster file", async () => {
    const platform = await startFakeLark();
    fake = platform;
    platform.chats.set("oc_factory", { name: "东莞制造企业群", mode: "group" });
    platform.chats.set("oc_p2p_chen", { name: "", mode: "p2p" });
    platform.users.set("ou_chen", "工会小陈");
    dir = mkdtempSync(path.join(tmpdir(), "craftbridge-files-"));
    const config = loadConfig({
      DATABASE_URL: testDatabaseUrl(dir, "test.db"),
      DATA_DIR: dir,
      QUEUE_PREFIX: `test-${randomUUID()}`,
      LOG_LEVEL: "silent",
      ...larkWebhookSettings(platform.url),
      STAFF: "ou_chen",
    });
    const log = createLog("silent");
    let started: App | undefined;
    const adapters = await createPlatformAdapters(config, log, { db: () => started?.services.db });
    started = await startApp({ config, log, adapters, dataDir: dir });
    app = started;
    const url = `http://127.0.0.1:${(adapters[0] as LarkAdapter).port}/lark/events`;
    const { db } = started.services;

    // Ten people in a group share big files, one of them a .xlsx that is no roster of theirs to send.
    const big = Buffer.alloc(2 * 1024 * 1024, 1);
    const shared = Array.from({ length: 10 }, (_, i) => {
      platform.files.set(`file_big_${i}`, big);
      return fileEvent({
        chatId: "oc_factory",
        chatType: "group",
        senderId: `ou_member_${i}`,
        fileKey: `file_big_${i}`,
        fileName: i === 0 ? "名册.xlsx" : `图纸${i}.pdf`,
      });
    });
    for (const event of shared) expect((await post(url, deliver(event))).status).toBe(200);
    await eventually(
      async () =>
        (await db.inboundMessage.count({ where: { senderId: { startsWith: "ou_member_" }, status: "handled" } })) ===
        10,
    );
    expect(platform.downloads).toEqual([]);

    // Staff send the roster privately: fetched once, imported, reported.
    platform.files.set("file_roster", csvBytes(chatRoster));
    const roster = fileEvent({
      chatId: "oc_p2p_chen",
      chatType: "p2p",
      senderId: "ou_chen",
      fileKey: "file_roster",
      fileName: "人才数据库.csv",
    });
    expect((await post(url, deliver(roster))).status).toBe(200);
    await eventually(async () =>
      platform.messages.some((message) => String(message.content.text ?? "").includes("导入完成：新增 2 位")),
    );
    expect(platform.downloads.map((download) => download.fileKey)).toEqual(["file_roster"]);
  });
});
