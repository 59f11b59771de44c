// The Lark adapter with the real SDK: the real Client against a fake open platform on 127.0.0.1,
// real encrypted and signed events posted to the real EventDispatcher and CardActionHandler.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LarkAdapter } from "../../bot/adapters/lark/lark-adapter.ts";
import { RateLimitedError } from "../../bot/adapters/lark/rate-limited-error.ts";
import { createLog } from "../../core/log.ts";
import type { IncomingMessage } from "../../core/messages.ts";
import { type FakeLark, startFakeLark } from "./fake-lark.ts";
import {
  cardAction,
  deliver,
  encrypt,
  encryptKey,
  envelope,
  fileEvent,
  post,
  textEvent,
  verificationToken,
} from "./lark-events.ts";

const card = {
  kind: "card" as const,
  title: "邀请 R-0001",
  text: "王师傅您好！",
  buttons: [
    { label: "接受", value: "offer.accept:m1" },
    { label: "婉拒", value: "offer.decline:m1" },
  ],
};

describe("the Lark adapter", () => {
  let fake: FakeLark;
  let adapter: LarkAdapter;
  let received: IncomingMessage[];
  let url: string;
  let release: () => void;
  let gate: Promise<void>;
  let uploads: string;
  /** Holds the dispatcher back until release(), to see that Lark is answered first. */
  const hold = () => {
    gate = new Promise<void>((resolve) => {
      release = resolve;
    });
  };

  beforeEach(async () => {
    fake = await startFakeLark();
    fake.users.set("ou_wang", "王经理");
    fake.users.set("ou_li", "李工");
    fake.chats.set("oc_group", { name: "东莞制造企业群", mode: "group" });
    received = [];
    uploads = mkdtempSync(path.join(tmpdir(), "craftbridge-uploads-"));
    gate = Promise.resolve();
    release = () => undefined;
    adapter = new LarkAdapter({
      appId: "cli_test",
      appSecret: "secret",
      domain: fake.url,
      mode: "webhook",
      verificationToken,
      encryptKey,
      webhookPort: 0,
      webhookHost: "127.0.0.1",
      webhookPath: "/lark/events",
      botName: "匠桥",
      log: createLog("silent"),
      findCard: async (key) => (key === "offer-m1" ? { card, holders: ["ou_li"], toPerson: true } : null),
      sender: { maxWaitMs: 3000 },
      uploads: { dir: uploads, maxBytes: 1000 },
    });
    await adapter.start(async (message) => {
      await gate;
      received.push(message);
    });
    url = `http://127.0.0.1:${adapter.port}/lark/events`;
  });

  afterEach(async () => {
    release();
    await adapter.stop();
    await fake.close();
    rmSync(uploads, { recursive: true, force: true });
  });

  it("answers the URL check with the challenge", async () => {
    const challenge = { challenge: "c-123", token: verificationToken, type: "url_verification" };
    const reply = await post(url, {
      body: JSON.stringify({ encrypt: encrypt(JSON.stringify(challenge)) }),
      headers: {},
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ challenge: "c-123" });
  });

  it("acknowledges a group message at once and hands it on with mentions and names resolved", async () => {
    hold();
    const event = textEvent({
      chatId: "oc_group",
      chatType: "group",
      senderId: "ou_wang",
      text: "@_user_1 我们厂的数控机床需要维修，@_user_2 你看下",
      mentions: [
        { key: "@_user_1", openId: "ou_bot", name: "匠桥" },
        { key: "@_user_2", openId: "ou_li", name: "李工" },
      ],
    });
    const reply = await post(url, deliver(event));
    // Answered while the dispatcher is still held back.
    expect(reply.status).toBe(200);
    expect(received).toEqual([]);
    release();
    await adapter.idle();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      platform: "lark",
      messageId: event.event.message.message_id,
      chatId: "oc_group",
      chatKind: "group",
      chatTitle: "东莞制造企业群",
      senderId: "ou_wang",
      senderName: "王经理",
      text: "@匠桥 我们厂的数控机床需要维修，@李工 你看下",
      mentionsBot: true,
    });
  });

  it("reads a post in a private chat", async () => {
    const content = {
      title: "求助",
      content: [
        [{ tag: "text", text: "注塑件有缩痕" }],
        [
          { tag: "text", text: "想请" },
          { tag: "at", user_id: "@_user_1", user_name: "李工" },
          { tag: "text", text: "指导" },
        ],
      ],
    };
    const event = textEvent({
      chatId: "oc_p2p",
      chatType: "p2p",
      senderId: "ou_wang",
      text: "",
      messageType: "post",
      content,
      mentions: [{ key: "@_user_1", openId: "ou_li", name: "李工" }],
    });
    expect((await post(url, deliver(event))).status).toBe(200);
    await adapter.idle();
    expect(received[0]).toMatchObject({
      chatKind: "direct",
      text: "求助\n注塑件有缩痕\n想请@李工指导",
      mentionsBot: false,
      chatTitle: "王经理",
    });
  });

  it("downloads a file message into the uploads folder before handing it on, and never saves one over the limit", async () => {
    const bytes = Buffer.from("编号,姓名\r\nG1,李明\r\n");
    fake.files.set("file_small", bytes);
    fake.files.set("file_big", Buffer.alloc(1001, 65));
    const small = fileEvent({
      chatId: "oc_p2p",
      chatType: "p2p",
      senderId: "ou_wang",
      fileKey: "file_small",
      fileName: "名单.CSV",
    });
    await post(url, deliver(small));
    await post(
      url,
      deliver(
        fileEvent({ chatId: "oc_p2p", chatType: "p2p", senderId: "ou_wang", fileKey: "file_big", fileName: "big.csv" }),
      ),
    );
    await adapter.idle();

    // Each message is handled in the background: they arrive in either order.
    const saved = received.find((message) => message.file?.name === "名单.CSV");
    const refused = received.find((message) => message.file?.name === "big.csv");
    expect(saved).toMatchObject({ chatKind: "direct", text: "", file: { name: "名单.CSV", size: bytes.length } });
    expect(saved?.file?.path.startsWith(uploads)).toBe(true);
    expect(saved?.file?.path.endsWith(".csv")).toBe(true);
    expect(readFileSync(saved?.file?.path ?? "")).toEqual(bytes);
    expect(refused?.file).toEqual({ name: "big.csv", path: "", size: 1001, problem: "too_large" });
    expect(readdirSync(uploads)).toHaveLength(1);
    expect(fake.downloads.map((download) => download.type)).toEqual(["file", "file"]);
    expect(saved?.messageId).toBe(small.event.message.message_id);
  });

  it("refuses a bad signature, a wrong token, a wrong encrypt key and an old timestamp, and processes none of them", async () => {
    const event = () => textEvent({ chatId: "oc_group", chatType: "group", senderId: "ou_wang", text: "你好" });
    const forged = deliver(event());
    forged.headers["X-Lark-Signature"] = "0".repeat(64);
    expect((await post(url, forged)).status).toBe(401);
    expect((await post(url, deliver(event(), { signKey: "another key" }))).status).toBe(401);
    const wrongToken = envelope("im.message.receive_v1", event().event, { token: "not-ours" });
    expect((await post(url, deliver(wrongToken))).status).toBe(401);
    expect((await post(url, deliver(event(), { key: "another key" }))).status).toBe(401);
    expect((await post(url, { body: "not json", headers: {} })).status).toBe(400);
    // Correctly signed, but sent an hour ago: a captured request replayed.
    const replayed = deliver(event(), { sentAtSeconds: Math.floor(Date.now() / 1000) - 3600 });
    expect((await post(url, replayed)).status).toBe(401);
    const cardPress = cardAction({ operatorId: "ou_li", chatId: "oc_p2p", cardMessageId: "om_1", value: {} });
    const forgedPress = deliver(cardPress);
    forgedPress.headers["X-Lark-Signature"] = "0".repeat(64);
    expect((await post(`${url}/card`, forgedPress)).status).toBe(401);
    await adapter.idle();
    expect(received).toEqual([]);
  });

  it("handles an event delivered twice, or resent under a new event id, once", async () => {
    const event = textEvent({ chatId: "oc_group", chatType: "group", senderId: "ou_wang", text: "@_user_1 在吗" });
    await post(url, deliver(event));
    await post(url, deliver(event));
    const resent = textEvent({
      chatId: "oc_group",
      chatType: "group",
      senderId: "ou_wang",
      text: "@_user_1 在吗",
      messageId: event.event.message.message_id,
    });
    await post(url, deliver(resent));
    await adapter.idle();
    expect(received).toHaveLength(1);
  });

  it("sends text with the outbox key as uuid, cards with buttons, and images", async () => {
    await adapter.send({ platform: "lark", kind: "chat", id: "oc_group" }, { kind: "text", text: "你好" }, "in-1");
    await adapter.send({ platform: "lark", kind: "user", id: "ou_li" }, card, "offer-m1");
    const image = path.join(tmpdir(), `craftbridge-${process.pid}.png`);
    writeFileSync(image, Buffer.alloc(2048, 7));
    await adapter.send({ platform: "lark", kind: "chat", id: "oc_group" }, { kind: "image", path: image }, "digest-1");
    // A retried send (same key) is one message on Lark.
    await adapter.send({ platform: "lark", kind: "chat", id: "oc_group" }, { kind: "text", text: "你好" }, "in-1");

    expect(fake.messages.map((m) => [m.receiveIdType, m.receiveId, m.msgType, m.uuid])).toEqual([
      ["chat_id", "oc_group", "text", "in-1"],
      ["open_id", "ou_li", "interactive", "offer-m1"],
      ["chat_id", "oc_group", "image", "digest-1"],
    ]);
    expect(fake.messages[0]?.content).toEqual({ text: "你好" });
    const elements = fake.messages[1]?.content.elements as { tag: string; actions?: { value: object }[] }[];
    expect(elements.find((element) => element.tag === "action")?.actions?.map((action) => action.value)).toEqual([
      { card: "offer-m1", action: "offer.accept:m1", label: "接受" },
      { card: "offer-m1", action: "offer.decline:m1", label: "婉拒" },
    ]);
    expect(fake.images).toHaveLength(1);
    expect(fake.images[0]?.bytes).toBeGreaterThan(2048);
    expect(fake.messages[2]?.content).toEqual({ image_key: "img_1" });
  });

  it("keeps long keys apart in the 50-character uuid", async () => {
    const long = `in-lark-${"x".repeat(60)}`;
    await adapter.send({ platform: "lark", kind: "chat", id: "oc_group" }, { kind: "text", text: "a" }, `${long}-0`);
    await adapter.send({ platform: "lark", kind: "chat", id: "oc_group" }, { kind: "text", text: "b" }, `${long}-1`);
    expect(fake.messages).toHaveLength(2);
    for (const message of fake.messages) expect(message.uuid?.length).toBeLessThanOrEqual(50);
  });

  it("waits out a 429 for as long as x-ogw-ratelimit-reset says, then sends once", async () => {
    fake.rateLimitNext(1, 1);
    const started = Date.now();
    await adapter.send({ platform: "lark", kind: "chat", id: "oc_group" }, { kind: "text", text: "你好" }, "in-429");
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(fake.sendAttempts.map((attempt) => attempt.status)).toEqual([429, 200]);
    expect(fake.messages.map((message) => message.uuid)).toEqual(["in-429"]);
  });

  it("throws a retryable error carrying the delay when the wait is too long to spend in a send", async () => {
    fake.rateLimitNext(1, 30);
    const sending = adapter.send({ platform: "lark", kind: "chat", id: "oc_group" }, { kind: "text", text: "x" }, "k");
    await expect(sending).rejects.toBeInstanceOf(RateLimitedError);
    await expect(sending).rejects.toMatchObject({ retryAfterMs: 30_000 });
    expect(fake.messages).toEqual([]);
  });

  it("sends a uuid once for an hour: a retry within it is one message, and the platform's hour is its limit", async () => {
    const group = { platform: "lark" as const, kind: "chat" as const, id: "oc_group" };
    await adapter.send(group, { kind: "text", text: "你好" }, "in-hour");
    fake.advanceClock(59 * 60_000);
    await adapter.send(group, { kind: "text", text: "你好" }, "in-hour");
    expect(fake.messages).toHaveLength(1);
    // Past the hour Lark no longer remembers the uuid: only the outbox's "sent" keeps a resend away.
    fake.advanceClock(2 * 60_000);
    await adapter.send(group, { kind: "text", text: "你好" }, "in-hour");
    expect(fake.messages).toHaveLength(2);
  });

  it("fetches a new token and sends when Lark refuses the cached one before its expiry", async () => {
    const group = { platform: "lark" as const, kind: "chat" as const, id: "oc_group" };
    await adapter.send(group, { kind: "text", text: "早" }, "in-token-1");
    const before = fake.tokenRequests;
    fake.revokeTokens();
    await adapter.send(group, { kind: "text", text: "早" }, "in-token-2");
    expect(fake.tokenRequests).toBe(before + 1);
    expect(fake.messages.map((message) => message.uuid)).toEqual(["in-token-1", "in-token-2"]);
  });

  it("reports a chat the bot is not in, and content over Lark's size limit, as refused for good", async () => {
    fake.chatsWithoutBot.add("oc_left");
    const left = adapter.send({ platform: "lark", kind: "chat", id: "oc_left" }, { kind: "text", text: "x" }, "k1");
    await expect(left).rejects.toMatchObject({ permanent: true, code: 230002 });
    const long = adapter.send(
      { platform: "lark", kind: "chat", id: "oc_group" },
      { kind: "text", text: "长".repeat(60_000) },
      "k2",
    );
    await expect(long).rejects.toMatchObject({ permanent: true, code: 230025 });
    expect(fake.messages).toEqual([]);
  });

  it("hands on a message from someone whose name Lark will not tell (no contact permission), nameless", async () => {
    fake.contactPermission = false;
    const event = textEvent({
      chatId: "oc_group",
      chatType: "group",
      senderId: "ou_wang",
      text: "@_user_1 注塑件有缩痕",
      mentions: [{ key: "@_user_1", openId: "ou_bot", name: "匠桥" }],
    });
    expect((await post(url, deliver(event))).status).toBe(200);
    await adapter.idle();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ senderId: "ou_wang", senderName: "", text: "@匠桥 注塑件有缩痕" });
  });

  it("turns a card press into a press for the dispatcher, answers with a toast, and closes the card", async () => {
    const press = cardAction({
      operatorId: "ou_li",
      chatId: "oc_p2p_li",
      cardMessageId: "om_card",
      value: { card: "offer-m1", action: "offer.accept:m1", label: "接受" },
    });
    const reply = await post(`${url}/card`, deliver(press));
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ toast: { type: "info", content: "接受" } });
    // The same press delivered again, and the same button pressed again, count once.
    await post(`${url}/card`, deliver(press));
    const again = cardAction({
      operatorId: "ou_li",
      chatId: "oc_p2p_li",
      cardMessageId: "om_card",
      value: { card: "offer-m1", action: "offer.accept:m1", label: "接受" },
    });
    await post(`${url}/card`, deliver(again));
    await adapter.idle();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      senderId: "ou_li",
      senderName: "李工",
      chatId: "oc_p2p_li",
      chatKind: "direct",
      press: { cardId: "offer-m1", value: "offer.accept:m1" },
    });
    expect(fake.cardUpdates).toHaveLength(1);
    expect(fake.cardUpdates[0]?.messageId).toBe("om_card");
    expect(JSON.stringify(fake.cardUpdates[0]?.content)).toContain("✓ 接受");
    expect(JSON.stringify(fake.cardUpdates[0]?.content)).not.toContain('"button"');
  });

  it("leaves the card live when someone else presses it (the dispatcher tells them it is not theirs)", async () => {
    const press = cardAction({
      operatorId: "ou_wang",
      chatId: "oc_group",
      cardMessageId: "om_card",
      value: { card: "offer-m1", action: "offer.accept:m1", label: "接受" },
    });
    expect((await post(url, deliver(press))).status).toBe(200);
    await adapter.idle();
    expect(received[0]?.press).toEqual({ cardId: "offer-m1", value: "offer.accept:m1" });
    expect(fake.cardUpdates).toEqual([]);
  });
});
