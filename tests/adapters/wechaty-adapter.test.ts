// WeChat end to end: a real Wechaty on wechaty-puppet-mock in front of the real bot. An enterprise
// asks in a room, the expert accepts privately with a numbered reply, the room gets the introduction.
import { FileBox } from "file-box";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chatRoster, csvBytes } from "../roster/roster-files.ts";
import { startWechatBot, type WechatBot } from "./wechat-bot.ts";

const ask = "@匠桥 我们厂在东莞，数控加工的薄壁件变形严重，想请专家下周来现场指导";
/** A union staff member's WeChat account, staff by configuration. */
const staffId = "wxid_gonghui_chen";

describe("the bot in a WeChat room", () => {
  let bot: WechatBot;
  beforeEach(async () => {
    bot = await startWechatBot({ STAFF: `wechat:${staffId}` });
  });
  afterEach(async () => {
    await bot.stop();
  });

  it("registers a request, offers it privately as numbered choices, and introduces the expert who replies 1", async () => {
    const manager = bot.contact("王经理");
    const room = bot.room("东莞制造企业群", [manager]);
    manager.say(ask, [bot.self]).to(room);

    const ack = await bot.waitFor((sent) => sent.to === room.id && sent.text.includes("R-0001"));
    expect(ack.text).toMatch(/^已登记需求 R-0001/);
    expect(bot.received()[0]).toMatchObject({
      platform: "wechat",
      chatId: room.id,
      chatKind: "group",
      chatTitle: "东莞制造企业群",
      senderId: manager.id,
      senderName: "王经理",
      mentionsBot: true,
    });

    const experts = new Map([...bot.experts].map(([name, contact]) => [contact.id, { name, contact }]));
    const offer = await bot.waitFor((sent) => experts.has(sent.to) && sent.text.includes("R-0001"));
    expect(offer.text).toMatch(/【1】接受　【2】婉拒　【3】稍后/);
    const expert = experts.get(offer.to);
    if (!expert) throw new Error("the offer went to no expert");
    // The room saw the acknowledgement only.
    await bot.settle();
    expect(bot.sent().filter((sent) => sent.to === room.id)).toHaveLength(1);

    expert.contact.say("1").to(bot.self);
    const intro = await bot.waitFor((sent) => sent.to === room.id && sent.text.startsWith("好消息"));
    expect(intro.text).toContain("R-0001");
    expect(intro.text).toContain(expert.name);
    expect(intro.text).not.toMatch(/1[3-9]\d{9}/);
    await bot.waitFor((sent) => sent.to === expert.contact.id && sent.text.includes("感谢您接受 R-0001"));
    // The requester gets the expert's contact privately.
    await bot.waitFor((sent) => sent.to === manager.id && sent.text.includes(expert.name));

    // The "1" reached the dispatcher as a press of the offer card's first button.
    const match = await bot.app.services.db.match.findFirstOrThrow({ where: { status: "accepted" } });
    const reply = bot.received().find((message) => message.senderId === expert.contact.id);
    expect(reply?.press).toEqual({ cardId: `offer-${match.id}`, value: `offer.accept:${match.id}`, index: 1 });
  });

  it("answers a mention, ignores chatter without one, and ignores its own messages", async () => {
    const worker = bot.contact("李师傅");
    const room = bot.room("佛山技工交流群", [worker]);
    worker.say("今天中午食堂吃什么").to(room);
    await bot.settle();
    expect(bot.sent()).toEqual([]);

    // The bot's own message looks like a help request, yet must not be read.
    bot.self.say(ask).to(room);
    await bot.settle();
    expect(bot.sent().filter((sent) => sent.to === room.id)).toHaveLength(1);
    expect(bot.received().map((message) => [message.senderId, message.mentionsBot])).toEqual([[worker.id, false]]);

    worker.say("@匠桥 你好", [bot.self]).to(room);
    const answer = await bot.waitFor((sent) => sent.to === room.id && sent.text !== ask);
    expect(answer.text.length).toBeGreaterThan(0);
    const chat = await bot.app.services.db.chat.findFirst({ where: { platform: "wechat", externalId: room.id } });
    expect(chat?.title).toBe("佛山技工交流群");
    const identity = await bot.app.services.db.identity.findFirst({ where: { externalId: worker.id } });
    expect(identity?.displayName).toBe("李师傅");
  });

  it("imports a roster file staff send in a room, and leaves files others share there alone", async () => {
    const chen = bot.mocker.createContact({ id: staffId, name: "工会小陈" });
    const worker = bot.contact("李师傅");
    const room = bot.room("工会工作群", [chen, worker]);
    const roster = () => FileBox.fromBase64(csvBytes(chatRoster).toString("base64"), "人才数据库.csv");
    bot.sendFile(worker, roster(), room);
    await bot.settle();
    expect(bot.sent()).toEqual([]);

    bot.sendFile(chen, roster(), room);
    await bot.waitFor((sent) => sent.to === room.id && sent.text === "收到名册文件，正在导入…");
    const report = await bot.waitFor((sent) => sent.to === room.id && sent.text.startsWith("导入完成"));
    expect(report.text).toContain("新增 2 位，更新 0 位，未变 0 位，拒绝 2 行");
    expect(report.text).toContain("第 5 行被拒绝：联系电话格式不对");
    // In a room the rejected phone value stays out of the report.
    expect(report.text).not.toContain("12345");
    expect(bot.received().at(-1)).toMatchObject({
      platform: "wechat",
      chatId: room.id,
      chatKind: "group",
      senderId: chen.id,
      text: "",
      file: { name: "人才数据库.csv" },
    });
    const imported = await bot.app.services.db.expert.findMany({ where: { externalId: { in: ["G101", "G102"] } } });
    expect(imported.map((expert) => expert.name).sort()).toEqual(["钟伟强", "黎秀英"].sort());

    // A private file from someone who is not staff gets a short answer.
    bot.sendFile(worker, roster(), bot.self);
    const refusal = await bot.waitFor((sent) => sent.to === worker.id);
    expect(refusal.text).toBe("抱歉，“导入名册”仅供工会工作人员使用。");
    await bot.settle();
    expect(await bot.app.services.db.rosterUpload.count()).toBe(1);
  });

  it("treats a bare number as text when the person holds no card", async () => {
    const visitor = bot.contact("陈先生");
    visitor.say("1").to(bot.self);
    await bot.waitFor((sent) => sent.to === visitor.id);
    expect(bot.received()).toHaveLength(1);
    expect(bot.received()[0]?.press).toBeUndefined();
    expect(bot.received()[0]).toMatchObject({ chatKind: "direct", chatId: visitor.id, text: "1" });
  });
});

describe("logging in to WeChat", () => {
  it("shows the QR code with a link to it", async () => {
    const shown: string[] = [];
    const bot = await startWechatBot({}, (_qrcode, link) => shown.push(link));
    try {
      bot.mocker.scan("https://login.weixin.qq.com/l/test");
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(shown).toEqual([
        `https://wechaty.js.org/qrcode/${encodeURIComponent("https://login.weixin.qq.com/l/test")}`,
      ]);
    } finally {
      await bot.stop();
    }
  });
});
