// A factory manager in a busy group, as walked through in the terminal: Cantonese, second thoughts and corrections
// after the request is registered. A second thought ("算了，还是要现场嘅") changes the request back instead of
// cancelling it; "应该系下周三之后" moves the time; "下周二之后" is a window that starts then.
import { describe, expect, it } from "vitest";
import { addDays, dayNumberOfDate, dayOf, isoDate, mondayOf } from "../../core/calendar.ts";
import { useTestBots } from "../support/bots.ts";

const group = "东莞五金制造交流群";
const bot = useTestBots();

/** "12-08" for the day `offset` days after next Monday. */
const nextWeek = (offset: number) => isoDate(mondayOf(dayNumberOfDate(dayOf(new Date()))) + 7 + offset).slice(5);
const fortnightFrom = (offset: number) =>
  addDays(isoDate(mondayOf(dayNumberOfDate(dayOf(new Date()))) + 7 + offset), 13).slice(5);

describe("a manager's second thoughts in a busy group", () => {
  it("算了，还是要现场嘅 switches back to on site and keeps the request", async () => {
    const b = await bot();
    await b.run([`/in ${group}`, "/as 永兴五金-何厂长", "早晨各位", "今日好热啊"]);
    const asked = await b.say("@匠桥 我哋厂啲CNC加工件成日尺寸超差，想搵个师傅过嚟睇下");
    expect(asked.join("\n")).toContain("哪个城市");
    const registered = await b.say("东莞长安");
    expect(registered.join("\n")).toContain("数控加工 · 东莞长安 · 现场");

    const remote = await b.say("@匠桥 R-0001 改成线上就得");
    expect(remote.join("\n")).toContain("已更新需求 R-0001");
    expect(remote.join("\n")).toContain("· 远程 ·");
    const back = await b.say("@匠桥 算了，还是要现场嘅");
    expect(back.join("\n")).toContain("已更新需求 R-0001");
    expect(back.join("\n")).toContain("· 现场 ·");
    expect(back.join("\n")).not.toContain("已取消");
    const row = await b.app.services.db.helpRequest.findUniqueOrThrow({ where: { code: "R-0001" } });
    expect(row).toMatchObject({ status: expect.not.stringMatching(/cancelled/), mode: "onsite" });

    // A plain 算了 still cancels.
    const cancelled = await b.say("@匠桥 算了吧");
    expect(cancelled.join("\n")).toContain("R-0001 已取消");
  });

  it("下周二之后 opens a window from next Tuesday; 应该系下周三之后 moves it", async () => {
    const b = await bot();
    const first = await b.run([
      `/in ${group}`,
      "/as 宏达电子-陈经理",
      "有冇人知边度买二手注塑机平啲？",
      "@匠桥 我们SMT回流焊老是虚焊，求专家指导，在东莞松山湖，下周二之后都可以",
    ]);
    expect(first.filter((line) => line.startsWith(`[${group}]`))).toHaveLength(1);
    expect(first.join("\n")).toContain(`${nextWeek(1)} 至 ${fortnightFrom(1)}`);
    const moved = await b.say("@匠桥 唔好意思，应该系下周三之后");
    expect(moved.join("\n")).toContain(`已更新需求 R-0001`);
    expect(moved.join("\n")).toContain(`${nextWeek(2)} 至 ${fortnightFrom(2)}`);
  });

  it("薄壁件变形 is asked of a machining expert", async () => {
    const b = await bot();
    const lines = await b.run([
      `/in ${group}`,
      "/as 精工科技-王经理",
      "@匠桥 我哋啲铝合金薄壁件一加工就变形，东莞厚街，想请师傅过嚟睇下",
    ]);
    const summary = lines.find((line) => line.includes("已登记需求 R-0001")) ?? "";
    expect(summary).toContain("精密制造 · 数控加工");
    expect(summary).not.toMatch(/注塑|陶瓷/);
  });

  it("R-0001 啥时候有人来？ is answered with the request's status", async () => {
    const b = await bot();
    await b.run([`/in ${group}`, "/as 宏达电子-陈经理", "@匠桥 我们SMT回流焊老是虚焊，求专家指导，在东莞松山湖"]);
    const status = await b.say("@匠桥 R-0001 啥时候有人来？");
    expect(status.join("\n")).toContain("R-0001：");
    expect(status.join("\n")).not.toContain("我没太明白");
    const mine = await b.say("@匠桥 我哋嘅需求点样了？");
    expect(mine.join("\n")).toContain("R-0001");
    expect(mine.join("\n")).not.toContain("我没太明白");
  });
});

describe("widening the mode after the request", () => {
  it("'actually can be remote also' and 其实远程也得 make it on site or remote, not an offer answer", async () => {
    const b = await bot();
    await b.run([
      "/in 中山灯饰模具群",
      "/as 佳美模具-Kelvin",
      "@匠桥 our injection moulds have flash, need a master on site, Zhongshan Guzhen",
    ]);
    const english = await b.say("@匠桥 sorry, actually can be remote also");
    expect(english.join("\n")).toContain("Request R-0001 updated");
    expect(english.join("\n")).toContain("on site or remote");
    expect(english.join("\n")).not.toContain("Only the expert");

    await b.run(["/as 古镇灯饰-梁生", "@匠桥 灯具散热结构设计有问题，要专家上门，中山古镇"]);
    const chinese = await b.say("@匠桥 其实远程也得");
    expect(chinese.join("\n")).toContain("已更新需求 R-0002");
    expect(chinese.join("\n")).toContain("现场或远程均可");
  });
});

describe("an expert's time in Cantonese", () => {
  it("下个礼拜三同礼拜四下昼 is both days of next week", async () => {
    const b = await bot();
    const expert = await b.app.services.db.expert.findFirstOrThrow({ where: { isDemo: true } });
    const said = await b.run([`/as ${expert.name}`, "/in dm", "我下个礼拜三同礼拜四下昼得闲，可以过去东莞"]);
    expect(said.join("\n")).toContain(`${nextWeek(2)} 14:00-18:00、${nextWeek(3)} 14:00-18:00`);
  });
});
