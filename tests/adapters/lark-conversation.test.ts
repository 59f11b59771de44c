// Lark end to end: the real bot behind the Lark adapter (webhook mode), the real SDK Client talking
// to a fake open platform. An enterprise asks in a group, the expert presses "接受" on the offer card,
// the group gets the introduction; the staff chat (DIGEST_CHAT) gets its digest as a card with buttons.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPlatformAdapters } from "../../bot/adapters/index.ts";
import type { LarkAdapter } from "../../bot/adapters/lark/lark-adapter.ts";
import { type App, startApp } from "../../bot/app.ts";
import { dayOf } from "../../core/calendar.ts";
import { loadConfig } from "../../core/config.ts";
import { createLog } from "../../core/log.ts";
import { digestChatId, sendChatDigest } from "../../jobs/digest/digest-chat.ts";
import { personIdForExpert } from "../../prisma/people.ts";
import { chatRoster, csvBytes } from "../roster/roster-files.ts";
import { testDatabaseUrl } from "../support/test-database.ts";
import { type FakeLark, type FakeMessage, startFakeLark } from "./fake-lark.ts";
import { cardAction, deliver, fileEvent, larkWebhookSettings, post, textEvent } from "./lark-events.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the bot in a Lark group", () => {
  let fake: FakeLark;
  let app: App;
  let adapter: LarkAdapter;
  let dir: string;
  let url: string;
  const experts = new Map<string, string>();

  beforeEach(async () => {
    fake = await startFakeLark();
    fake.users.set("ou_wang", "王经理");
    fake.chats.set("oc_factory", { name: "东莞制造企业群", mode: "group" });
    dir = mkdtempSync(path.join(tmpdir(), "craftbridge-lark-"));
    const config = loadConfig({
      DATABASE_URL: testDatabaseUrl(dir, "test.db"),
      DATA_DIR: dir,
      QUEUE_PREFIX: `test-${randomUUID()}`,
      LOG_LEVEL: "silent",
      ...larkWebhookSettings(fake.url),
      STAFF: "ou_chen",
      DIGEST_CHAT: "lark:oc_staff",
    });
    expect(config.platforms).toEqual(["lark"]);
    const log = createLog("silent");
    let started: App | undefined;
    const adapters = await createPlatformAdapters(config, log, { db: () => started?.services.db });
    adapter = adapters[0] as LarkAdapter;
    started = await startApp({ config, log, adapters, dataDir: dir });
    app = started;
    url = `http://127.0.0.1:${adapter.port}/lark/events`;
    // Every demo expert is reachable on Lark under an open id of their own.
    const { db } = app.services;
    for (const expert of await db.expert.findMany({ where: { active: true } })) {
      const openId = `ou_expert_${expert.id}`;
      experts.set(openId, expert.name);
      fake.users.set(openId, expert.name);
      const personId = await personIdForExpert(db, expert.id, expert.name);
      await db.identity.create({ data: { platform: "lark", externalId: openId, displayName: expert.name, personId } });
    }
  });

  afterEach(async () => {
    await app.jobs.obliterate();
    await app.stop();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function landed(test: (message: FakeMessage) => boolean, timeoutMs = 20_000): Promise<FakeMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = fake.messages.find(test);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`not on the fake platform: ${JSON.stringify(fake.messages)}`);
      await sleep(20);
    }
  }

  const textOf = (message: FakeMessage) => String(message.content.text ?? JSON.stringify(message.content));

  /** The enterprise asks for help in its group, @-mentioning the bot. */
  const askForHelp = () =>
    textEvent({
      chatId: "oc_factory",
      chatType: "group",
      senderId: "ou_wang",
      text: "@_user_1 我们厂在东莞，数控加工的薄壁件变形严重，想请专家下周来现场指导",
      mentions: [{ key: "@_user_1", openId: fake.botOpenId, name: "匠桥" }],
    });

  /** The action values of a card's buttons. */
  const buttonsOf = (card: FakeMessage) =>
    (
      card.content.elements as { tag: string; actions?: { value: { card: string; action: string; label: string } }[] }[]
    ).find((element) => element.tag === "action")?.actions ?? [];

  it("registers the request in the group, offers a card privately, and introduces the expert who presses accept", async () => {
    const ask = askForHelp();
    expect((await post(url, deliver(ask))).status).toBe(200);

    const ack = await landed((message) => message.receiveId === "oc_factory");
    expect(ack.receiveIdType).toBe("chat_id");
    expect(textOf(ack)).toMatch(/^已登记需求 R-0001/);
    expect(ack.uuid).toBe(`in-lark-${ask.event.message.message_id}-0`);

    const offer = await landed((message) => experts.has(message.receiveId) && message.msgType === "interactive");
    expect(offer.receiveIdType).toBe("open_id");
    const accept = buttonsOf(offer).find((action) => action.value.action.startsWith("offer.accept:"))?.value;
    expect(accept?.card).toMatch(/^offer-/);

    // Someone else pressing the card is told it is not theirs; the card stays live.
    const stranger = cardAction({
      operatorId: "ou_wang",
      chatId: "oc_factory",
      cardMessageId: offer.messageId,
      value: accept ?? {},
    });
    expect((await post(`${url}/card`, deliver(stranger))).status).toBe(200);
    await landed((message) => message.receiveId === "oc_factory" && textOf(message) !== textOf(ack));
    expect(fake.cardUpdates).toEqual([]);

    fake.chats.set("oc_p2p_expert", { name: "", mode: "p2p" });
    const press = cardAction({
      operatorId: offer.receiveId,
      chatId: "oc_p2p_expert",
      cardMessageId: offer.messageId,
      value: accept ?? {},
    });
    const answer = await post(`${url}/card`, deliver(press));
    expect(JSON.parse(answer.body)).toMatchObject({ toast: { content: "接受" } });

    const intro = await landed((message) => message.receiveId === "oc_factory" && textOf(message).startsWith("好消息"));
    expect(textOf(intro)).toContain(experts.get(offer.receiveId));
    await landed((message) => message.receiveId === "oc_p2p_expert" && textOf(message).includes("感谢您接受 R-0001"));
    await app.waitUntilIdle(10_000);
    await adapter.idle();
    expect(fake.cardUpdates.map((update) => update.messageId)).toEqual([offer.messageId]);
  });

  it("imports a roster file a staff member sends privately, once, and answers an enterprise's file politely", async () => {
    fake.users.set("ou_chen", "工会小陈");
    fake.chats.set("oc_p2p_chen", { name: "", mode: "p2p" });
    fake.files.set("file_roster", csvBytes(chatRoster));
    const sent = fileEvent({
      chatId: "oc_p2p_chen",
      chatType: "p2p",
      senderId: "ou_chen",
      fileKey: "file_roster",
      fileName: "人才数据库.csv",
    });
    expect((await post(url, deliver(sent))).status).toBe(200);

    const toChen = (message: FakeMessage) => message.receiveId === "oc_p2p_chen";
    expect(textOf(await landed(toChen))).toBe("收到名册文件，正在导入…");
    const report = await landed((message) => toChen(message) && textOf(message).startsWith("导入完成"));
    expect(textOf(report)).toContain("新增 2 位，更新 0 位，未变 0 位，拒绝 2 行");
    expect(textOf(report)).toContain("第 4 行被拒绝：缺少姓名");
    expect(fake.downloads).toEqual([
      { messageId: sent.event.message.message_id, fileKey: "file_roster", type: "file" },
    ]);
    const { db } = app.services;
    expect(await db.expert.findUnique({ where: { externalId: "G102" } })).toMatchObject({
      name: "黎秀英",
      city: "湛江",
    });

    // Lark delivers the same message again under a new event id: nothing is imported or said twice.
    const again = { ...sent, header: { ...sent.header, event_id: randomUUID() } };
    expect((await post(url, deliver(again))).status).toBe(200);
    await adapter.idle();
    await app.waitUntilIdle(10_000);
    expect(fake.messages.filter(toChen)).toHaveLength(2);
    expect(await db.rosterUpload.count()).toBe(1);

    // A file Lark will not hand over is asked for again.
    const gone = { chatId: "oc_p2p_chen", chatType: "p2p" as const, senderId: "ou_chen", fileKey: "file_gone" };
    await post(url, deliver(fileEvent({ ...gone, fileName: "新名单.xlsx" })));
    const missing = await landed((message) => toChen(message) && textOf(message).includes("新名单"));
    expect(textOf(missing)).toBe("没能收到文件 新名单.xlsx，请重新发送一次。");

    // An enterprise's roster file is not an import.
    fake.chats.set("oc_p2p_wang", { name: "", mode: "p2p" });
    const fromWang = { chatId: "oc_p2p_wang", chatType: "p2p" as const, senderId: "ou_wang", fileKey: "file_roster" };
    await post(url, deliver(fileEvent({ ...fromWang, fileName: "名单.csv" })));
    const refusal = await landed((message) => message.receiveId === "oc_p2p_wang");
    expect(textOf(refusal)).toBe("抱歉，“导入名册”仅供工会工作人员使用。");
    expect(await db.rosterUpload.count()).toBe(1);
  });

  it("sends the staff chat its digest as a card whose rematch button any staff member there can press, and the chart", async () => {
    const ask = askForHelp();
    await post(url, deliver(ask));
    await landed((message) => experts.has(message.receiveId) && message.msgType === "interactive");
    const { db } = app.services;
    // Three days later the offer is still unanswered.
    await db.helpRequest.update({
      where: { code: "R-0001" },
      data: { createdAt: new Date(Date.now() - 72.1 * 3600_000) },
    });
    const chatId = (await digestChatId(app.services)) ?? "";
    expect(await sendChatDigest(app.services, chatId, dayOf(new Date()))).toBe("sent");

    const card = await landed((message) => message.receiveId === "oc_staff" && message.msgType === "interactive");
    expect(card.receiveIdType).toBe("chat_id");
    expect(JSON.stringify(card.content)).toContain("等待超过 48 小时 1 条");
    const rematch = buttonsOf(card)[0]?.value;
    expect(rematch?.action).toBe("staff.rematch:R-0001");
    const chart = await landed((message) => message.receiveId === "oc_staff" && message.msgType === "image");
    expect(chart.content.image_key).toMatch(/^img_/);

    fake.users.set("ou_staff_li", "工会老李");
    const staff = await db.person.create({ data: { displayName: "工会老李", role: "staff" } });
    await db.identity.create({
      data: { platform: "lark", externalId: "ou_staff_li", displayName: "工会老李", personId: staff.id },
    });
    const press = cardAction({
      operatorId: "ou_staff_li",
      chatId: "oc_staff",
      cardMessageId: card.messageId,
      value: rematch ?? {},
    });
    expect((await post(`${url}/card`, deliver(press))).status).toBe(200);
    await landed((message) => message.receiveId === "oc_staff" && textOf(message).includes("需求 R-0001 正在重新匹配"));
  });

  it("ignores group chatter that does not mention the bot", async () => {
    const chatter = textEvent({ chatId: "oc_factory", chatType: "group", senderId: "ou_wang", text: "今天中午吃什么" });
    expect((await post(url, deliver(chatter))).status).toBe(200);
    await adapter.idle();
    await app.waitUntilIdle(10_000);
    expect(fake.messages).toEqual([]);
  });
});
