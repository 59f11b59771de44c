// Inbound faults handled in the dispatcher: the same message delivered again and again, the same text
// re-sent under new ids, and a sender flooding a chat.
import { afterEach, describe, expect, it } from "vitest";
import type { IncomingMessage } from "../../core/messages.ts";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

let counter = 0;
function larkMessage(senderId: string, text: string, messageId = `om_${++counter}`): IncomingMessage {
  return {
    platform: "lark",
    messageId,
    chatId: "oc_dongguan",
    chatKind: "group",
    chatTitle: "东莞制造企业群",
    senderId,
    senderName: senderId,
    text,
    mentionsBot: true,
    receivedAt: new Date(),
  };
}

/** Texts of the messages the bot wrote for the group chat. */
async function groupReplies(current: TestBot): Promise<string[]> {
  const rows = await current.app.services.db.outboundMessage.findMany({
    where: { targetId: "oc_dongguan" },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => (JSON.parse(row.payload) as { text: string }).text);
}

describe("the same message again", () => {
  it("is handled once when delivered five times and re-sent under a new id", async () => {
    bot = await startTestBot();
    const text = "@匠桥 我们厂在东莞，注塑件有缩痕和飞边，想请专家来现场看看";
    const original = larkMessage("ou_wang", text, "om_retried");
    await Promise.all(Array.from({ length: 5 }, () => bot?.app.dispatch(original)));
    // Lark re-sends the same content under new message ids.
    await bot.app.dispatch(larkMessage("ou_wang", text));
    await bot.app.dispatch(larkMessage("ou_wang", ` ${text}  `));
    // Someone else saying the same thing is a message of their own.
    await bot.app.dispatch(larkMessage("ou_li", text));
    const { db } = bot.app.services;
    expect(await db.helpRequest.count()).toBe(2);
    expect((await groupReplies(bot)).filter((reply) => reply.includes("已登记需求"))).toHaveLength(2);
    expect(
      await db.helpRequest.count({ where: { requester: { identities: { some: { externalId: "ou_wang" } } } } }),
    ).toBe(1);
  });

  it("is handled again once the window has passed", async () => {
    bot = await startTestBot({ DUPLICATE_WINDOW_SECONDS: "1" });
    await bot.app.dispatch(larkMessage("ou_wang", "@匠桥 帮助"));
    await bot.app.dispatch(larkMessage("ou_wang", "@匠桥 帮助"));
    const { db } = bot.app.services;
    // Backdate the fingerprint instead of sleeping: the window is measured from the stored time.
    await db.inboundMessage.updateMany({
      where: { status: "fingerprint" },
      data: { receivedAt: new Date(Date.now() - 5000) },
    });
    await bot.app.dispatch(larkMessage("ou_wang", "@匠桥 帮助"));
    expect(await db.inboundMessage.count({ where: { status: "handled" } })).toBe(2);
  });
});

describe("a flooding sender", () => {
  it("gets one notice and silence, while others in the chat are answered", async () => {
    // A long window keeps the test independent of the machine's speed; the default is 20 per 10 s.
    bot = await startTestBot({ THROTTLE_MAX_MESSAGES: "20", THROTTLE_WINDOW_SECONDS: "600" });
    for (let i = 0; i < 50; i++) {
      await bot.app.dispatch(larkMessage("ou_flood", `@匠桥 在吗 ${i}`));
      if (i === 30) await bot.app.dispatch(larkMessage("ou_calm", "@匠桥 帮助"));
    }
    await bot.app.dispatch(larkMessage("ou_calm", "@匠桥 我们厂在东莞，注塑件有缩痕，想请专家来现场看看"));
    const replies = await groupReplies(bot);
    const notices = replies.filter((reply) => reply.includes("太频繁"));
    expect(notices).toHaveLength(1);
    const { db } = bot.app.services;
    expect(await db.inboundMessage.count({ where: { senderId: "ou_flood", status: "ignored" } })).toBe(30);
    expect(await db.inboundMessage.count({ where: { senderId: "ou_calm", status: "handled" } })).toBe(2);
    expect(replies.some((reply) => reply.includes("已登记需求"))).toBe(true);
    expect(replies.length).toBe(20 + 1 + 2);
  });
});
