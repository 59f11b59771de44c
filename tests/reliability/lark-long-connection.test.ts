// The Lark long connection (LARK_MODE=ws, the README's default). With settings Lark refuses, the start
// fails with an error naming the setting, instead of logging "started" and staying deaf for ever. With
// good ones, the real bot runs over a fake gateway that speaks the SDK's protobuf frames
// (tests/adapters/fake-lark-gateway.ts): request, offer card press, introduction, a drop and a reconnect.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createPlatformAdapters } from "../../bot/adapters/index.ts";
import { LarkAdapter } from "../../bot/adapters/lark/lark-adapter.ts";
import { type App, startApp } from "../../bot/app.ts";
import { loadConfig } from "../../core/config.ts";
import { createLog } from "../../core/log.ts";
import { personIdForExpert } from "../../prisma/people.ts";
import { type FakeLark, type FakeMessage, startFakeLark } from "../adapters/fake-lark.ts";
import { type FakeGateway, startFakeGateway } from "../adapters/fake-lark-gateway.ts";
import { cardAction, textEvent } from "../adapters/lark-events.ts";

let fake: FakeLark | undefined;
let adapter: LarkAdapter | undefined;
afterEach(async () => {
  await adapter?.stop();
  await fake?.close();
});

function longConnection(appId: string, domain: string): LarkAdapter {
  return new LarkAdapter({
    appId,
    appSecret: "secret",
    domain,
    mode: "ws",
    webhookPort: 0,
    webhookPath: "/lark/events",
    botName: "匠桥",
    log: createLog("silent"),
  });
}

describe("the Lark long connection with a wrong app id", () => {
  it("refuses to start when the app id is not one at all", async () => {
    fake = await startFakeLark();
    adapter = longConnection("cli_test", fake.url);
    await expect(adapter.start(async () => undefined)).rejects.toThrow(/LARK_APP_ID "cli_test"/);
  });

  it("refuses to start when Lark does not know the app", async () => {
    fake = await startFakeLark();
    fake.wsApps.add("cli_0123456789abcdef");
    adapter = longConnection("cli_fedcba9876543210", fake.url);
    await expect(adapter.start(async () => undefined)).rejects.toThrow(/check LARK_APP_ID and LARK_APP_SECRET/);
  });
});

describe("the bot over the Lark long connection", () => {
  const appId = "cli_0123456789abcdef";
  let gateway: FakeGateway | undefined;
  let app: App | undefined;
  let dir: string | undefined;
  const experts = new Map<string, string>();
  afterEach(async () => {
    await app?.jobs.obliterate();
    await app?.stop();
    await gateway?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    app = undefined;
    gateway = undefined;
    dir = undefined;
  });

  async function startBot(): Promise<{ fake: FakeLark; gateway: FakeGateway; app: App }> {
    fake = await startFakeLark();
    fake.wsApps.add(appId);
    fake.users.set("ou_wang", "王经理");
    fake.users.set("ou_li", "李厂长");
    fake.chats.set("oc_factory", { name: "东莞制造企业群", mode: "group" });
    fake.chats.set("oc_drone", { name: "深圳无人机企业群", mode: "group" });
    gateway = await startFakeGateway(fake);
    dir = mkdtempSync(path.join(tmpdir(), "craftbridge-ws-"));
    const config = loadConfig({
      DATABASE_URL: `file:${path.join(dir, "test.db")}`,
      QUEUE_PREFIX: `test-${randomUUID()}`,
      LOG_LEVEL: "silent",
      LARK_APP_ID: appId,
      LARK_APP_SECRET: "secret",
      LARK_DOMAIN: fake.url,
      LARK_MODE: "ws",
    });
    const log = createLog("silent");
    let started: App | undefined;
    const adapters = await createPlatformAdapters(config, log, { db: () => started?.services.db });
    started = await startApp({ config, log, adapters, dataDir: dir });
    app = started;
    const { db } = started.services;
    for (const expert of await db.expert.findMany({ where: { active: true } })) {
      const openId = `ou_expert_${expert.id}`;
      experts.set(openId, expert.name);
      fake.users.set(openId, expert.name);
      const personId = await personIdForExpert(db, expert.id, expert.name);
      await db.identity.create({ data: { platform: "lark", externalId: openId, displayName: expert.name, personId } });
    }
    return { fake, gateway, app: started };
  }

  /** Waits for a message on the fake platform: each send the bot makes wakes the check. */
  async function landed(on: FakeLark, test: (message: FakeMessage) => boolean): Promise<FakeMessage> {
    for (;;) {
      const found = on.messages.find(test);
      if (found) return found;
      await on.nextSend();
    }
  }

  const textOf = (message: FakeMessage) => String(message.content.text ?? JSON.stringify(message.content));
  const ask = (on: FakeLark, chatId: string, senderId: string, words: string) =>
    textEvent({
      chatId,
      chatType: "group",
      senderId,
      text: `@_user_1 ${words}`,
      mentions: [{ key: "@_user_1", openId: on.botOpenId, name: "匠桥" }],
    });

  it("takes a request, an offer card press and an introduction over the gateway, and keeps working after a drop", async () => {
    const started = await startBot();
    const { fake: platform } = started;
    // The start waited for the gateway: connected, and the first ping got its pong.
    await started.gateway.connected();
    await started.gateway.pinged();
    expect(platform.wsEndpointRequests).toBe(1);

    // The request arrives in three fragments (sum=3), as Lark splits a large payload.
    const request = ask(
      platform,
      "oc_factory",
      "ou_wang",
      "我们厂在东莞，数控加工的薄壁件变形严重，想请专家下周来现场指导",
    );
    const ack = await started.gateway.push(request, { fragments: 3 });
    expect(ack.code).toBe(200);
    const registered = await landed(platform, (m) => m.receiveId === "oc_factory");
    expect(textOf(registered)).toMatch(/^已登记需求 R-0001/);
    // Lark did not get that answer in time and pushes the event again, in one frame this time: handled once.
    expect((await started.gateway.push(request)).code).toBe(200);

    const offer = await landed(platform, (m) => experts.has(m.receiveId) && m.msgType === "interactive");
    const accept = (offer.content.elements as { tag: string; actions?: { value: { action: string } }[] }[])
      .find((element) => element.tag === "action")
      ?.actions?.find((action) => action.value.action.startsWith("offer.accept:"))?.value;
    expect(accept).toBeDefined();
    platform.chats.set("oc_p2p_expert", { name: "", mode: "p2p" });
    const press = cardAction({
      operatorId: offer.receiveId,
      chatId: "oc_p2p_expert",
      cardMessageId: offer.messageId,
      value: accept ?? {},
    });
    // The card callback comes over the same connection; the toast goes back in the answer frame.
    const pressed = await started.gateway.push(press);
    expect(pressed).toMatchObject({ code: 200, data: { toast: { content: "接受" } } });
    const intro = await landed(platform, (m) => m.receiveId === "oc_factory" && textOf(m).startsWith("好消息"));
    expect(textOf(intro)).toContain(experts.get(offer.receiveId));

    // Lark ends the connection; an event pushed meanwhile waits for the client, which comes back by itself.
    // Meanwhile the app lost the contact permission: a sender whose name Lark will not tell is still served.
    platform.contactPermission = false;
    started.gateway.drop();
    const later = started.gateway.push(
      ask(platform, "oc_drone", "ou_li", "我们公司在深圳，无人机飞控调试经常失控，想请专家远程指导"),
    );
    await started.gateway.connected(2);
    expect(platform.wsEndpointRequests).toBe(2);
    expect((await later).code).toBe(200);
    expect(textOf(await landed(platform, (m) => m.receiveId === "oc_drone"))).toMatch(/^已登记需求 R-0002/);
    // Delivered once: one request each, whatever the re-push and the reconnection; one registration each.
    expect(await started.app.services.db.helpRequest.count()).toBe(2);
    await started.app.waitUntilIdle(30_000);
    expect(
      platform.messages.filter((m) => m.receiveId === "oc_factory" && textOf(m).startsWith("已登记")),
    ).toHaveLength(1);
    // A whole bot with its demo roster starts slowly on a busy machine: room, not a deadline.
  }, 240_000);
});
