// What a group says to itself stays chatter; questions about an existing request, greetings and thanks are told
// apart so handlers can answer them; an @ or a private chat lets a vaguer request through.
import { describe, expect, it } from "vitest";
import { understand } from "../../core/understanding/understand.ts";

const now = new Date("2026-11-23T10:00:00+08:00");
const parse = (text: string, addressed = false) => understand(text, { now, addressed });

describe("group talk", () => {
  it.each([
    ["谁知道哪里有卖二手加工中心的，便宜点的", "trade"],
    ["本厂急招注塑领班两名，工资面议", "hiring"],
    ["【通知】下周一起食堂开放时间调整为11:30", "notice"],
    ["我们车间那台焊接机器人又罢工了，真服了", "venting"],
    ["龙门铣的说明书谁放哪了", "question"],
    ["早晨各位师傅", "greeting"],
    ["多谢晒大家", "thanks"],
    ["Selling a used laser cutter, PM if interested", "trade"],
  ])("%s is chatter (%s), not a request", (text, kind) => {
    const u = parse(text);
    expect(u.intent).toBe("chatter");
    expect(u.chatter).toBe(kind);
  });

  it.each([
    "我们厂的数控车床主轴异响，有没有懂的师傅帮忙看看",
    "部啤机啤出嚟啲件成日缩水，有冇师傅识搞？",
    "Our reflow oven keeps causing tombstoning, can an expert help?",
    "东莞长安，五金冲压件毛刺多，下周能来人吗",
  ])("%s is a request without an @", (text) => {
    expect(parse(text).intent).toBe("request");
  });

  it("takes a complaint about a broken machine as a request only when the bot is addressed", () => {
    const line = "我们厂的空压机又漏气了，烦死";
    expect(parse(line).intent).toBe("chatter");
    expect(parse(line, true).intent).toBe("request");
    expect(understand(`@匠桥 ${line}`, { now }).intent).toBe("request");
  });

  it.each([
    ["专家的手机号能发我吗", "contact", null],
    ["R-0013 到哪一步了？", "progress", "R-0013"],
    ["r17 有专家接了吗", "progress", "R-0017"],
    ["查一下我的需求", "mine", null],
    ["what's the status of R-0010?", "progress", "R-0010"],
    ["我们上周提的需求有回复没有", "progress", null],
  ])("%s is a status question", (text, about, code) => {
    const u = parse(text);
    expect(u.intent).toBe("status");
    expect(u.status).toEqual({ code, about });
  });

  it("does not take a colleague's number or a parcel for a status question", () => {
    expect(parse("王主任电话多少").intent).toBe("chatter");
    expect(parse("快递有消息了吗").intent).toBe("chatter");
  });
});
