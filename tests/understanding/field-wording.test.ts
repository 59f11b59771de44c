// Issue 13 part 4, as people in Guangdong's groups write it: availability negatives, holiday deadlines,
// county-level districts, the mode of help, skills that a suffix or a brand used to mislead, several problems.
import { describe, expect, it } from "vitest";
import { understand } from "../../core/understanding/understand.ts";

const now = new Date("2026-11-23T10:00:00+08:00");
const parse = (text: string) => understand(text, { now, addressed: true });

describe("availability negatives", () => {
  it("records a trip as days taken, not days free", () => {
    const a = parse("我12月8号到12号去外地出差，其余时间都可以").availability;
    expect(a?.paused).toBeNull();
    expect(a?.slots).toEqual([]);
    expect(a?.unavailable).toEqual([{ start: "2026-12-08", end: "2026-12-12" }]);
  });

  it("gives every pause an end", () => {
    expect(parse("下个月我都没时间").availability).toMatchObject({ paused: true, pausedUntil: "2026-12-31" });
    expect(parse("这段时间太忙了，下周再联系吧").availability).toMatchObject({
      paused: true,
      pausedUntil: "2026-11-29",
    });
    expect(parse("春节前都没空").availability).toMatchObject({ paused: true, pausedUntil: "2027-02-05" });
    const open = parse("暂停接单，家里有点事").availability;
    expect(open).toMatchObject({ paused: true, pausedUntilAssumed: true });
    expect(open?.pausedUntil).not.toBeNull();
  });

  it("reads Cantonese free time", () => {
    expect(parse("我逢星期二四下昼都得闲").availability?.slots).toEqual([
      { weekday: 2, date: null, startMinute: 840, endMinute: 1080 },
      { weekday: 4, date: null, startMinute: 840, endMinute: 1080 },
    ]);
    expect(parse("听日唔得闲").availability).toMatchObject({ paused: true, pausedUntil: "2026-11-24" });
  });
});

describe("holiday deadlines", () => {
  it.each([
    ["过年前想请师傅来看看注塑机缩水", "2027-02-05"],
    ["元旦之前能不能派人来调一下PLC", "2026-12-31"],
    ["Need an expert for our CNC alarms before Christmas", "2026-12-24"],
    ["听日有冇师傅过嚟睇下部啤机", "2026-11-24"],
  ])("%s ends on %s", (text, end) => {
    expect(parse(text).request?.window?.end).toBe(end);
  });
});

describe("places", () => {
  it.each([
    ["我们在鹤山，五金件电镀起泡，求助", "江门", "鹤山"],
    ["厂子在高明，铝型材挤压有划伤", "佛山", "高明"],
    ["在开平做卫浴的，水龙头铸件有砂眼", "江门", "开平"],
    ["在阳春，水泥回转窑结圈", "阳江", "阳春"],
    ["我们在龙门，荔枝保鲜想请专家", "惠州", "龙门"],
    ["深圳Longhua的工厂，SMT虚焊", "深圳", "龙华"],
  ])("%s is in %s %s", (text, city, district) => {
    expect(parse(text).request).toMatchObject({ city, district });
  });

  it("keeps every city of a list and does not read a crane or praise as a place", () => {
    expect(parse("东莞或者惠州都行，PLC程序老是报错").request?.cities).toEqual(["东莞", "惠州"]);
    expect(parse("龙门吊的变频器报警，求助").request?.city).toBeNull();
    expect(parse("这个注塑工艺改进方案很高明，想请专家评估").request?.city).toBeNull();
  });
});

describe("mode", () => {
  it("reads remote and on-site as said, and remote-controlled equipment as neither", () => {
    expect(parse("PLC老是报警，视频里指导一下就行").request?.mode).toBe("remote");
    expect(parse("啤机成日飞边，师傅可唔可以过嚟睇下").request?.mode).toBe("onsite");
    expect(parse("门机想加装远程控制系统，想请专家出方案").request?.mode).toBe("either");
  });
});

describe("skills and problems", () => {
  it("does not read navigation from 员培训 nor robots from a FANUC controller", () => {
    const training = parse("想请专家给我们的质检员培训一下").request;
    expect(training?.kind).toBe("training");
    expect(training?.skills.map((s) => s.key)).not.toContain("navigation_seafaring");
    const cnc = parse("发那科系统的加工中心老是报警").request?.skills.map((s) => s.key);
    expect(cnc).toContain("cnc");
    expect(cnc).not.toContain("robot_programming");
  });

  it("parses the kind of help", () => {
    expect(parse("想请劳模来厂里做一场工匠精神宣讲").request?.kind).toBe("talk");
    expect(parse("我们有个专利想和专家一起做成果转化").request?.kind).toBe("commercialisation");
    expect(parse("想请师傅带带新来的焊工").request?.kind).toBe("training");
  });

  it("lists unrelated problems apart and related ones together", () => {
    const two = parse("注塑件缩水。还有一个，配电房的变压器有异响，求助").request?.problems;
    expect(two).toHaveLength(2);
    expect(parse("回流焊虚焊，炉温也不稳，求专家").request?.problems).toHaveLength(1);
    expect(parse("你好，我们是番禺的工厂，想请专家来指导一下").request?.problems).toEqual([]);
  });

  it("reads a part deforming in machining as a machining problem, unless the part is moulded, fired or welded", () => {
    const skills = (text: string) => parse(text).request?.skills.map((s) => s.key) ?? [];
    for (const text of [
      "薄壁件变形",
      "我们厂铝合金薄壁件加工后变形严重，怎么办",
      "工件一加工完就变形，求助",
      "壳体装夹变形，有冇师傅识搞",
      "零件铣完变形，平面度超差",
      "薄壁件变型严重，求助",
      "Our thin-walled aluminium housings warp after milling, need help",
    ]) {
      expect(skills(text), text).toEqual(["cnc"]);
    }
    expect(skills("注塑件薄壁变形，求助")).toEqual(["injection_moulding"]);
    expect(skills("塑胶薄壁件变形")).toEqual(["injection_moulding"]);
    expect(skills("陶瓷薄壁件烧成后变形")).toEqual(["ceramics"]);
    expect(skills("钣金件焊接后变形")).toContain("welding");
    expect(skills("淬火后零件变形")).toEqual(["heat_treatment"]);
  });
});

describe("second thoughts", () => {
  it("算了，还是… with a mode, a place or a day is a correction, not a cancel", () => {
    expect(parse("算了，还是要现场嘅")).toMatchObject({
      intent: "correction",
      correction: { changes: { mode: "onsite" } },
    });
    expect(parse("算了，还是远程吧")).toMatchObject({
      intent: "correction",
      correction: { changes: { mode: "remote" } },
    });
    expect(parse("唔好意思，应该系下周三之后").intent).toBe("correction");
    expect(parse("算了吧").intent).toBe("cancel");
    expect(parse("算了，不用了").intent).toBe("cancel");
    expect(parse("还是不行").intent).not.toBe("correction");
  });
});

describe("a widened mode", () => {
  it("远程也得 / can be remote also corrects to either; a new request with 线上也行 keeps its reading", () => {
    expect(parse("sorry, actually can be remote also")).toMatchObject({
      intent: "correction",
      correction: { changes: { mode: "either" } },
    });
    expect(parse("其实远程也得")).toMatchObject({ intent: "correction", correction: { changes: { mode: "either" } } });
    expect(parse("注塑件飞边，远程也可以").intent).toBe("request");
  });
});

describe("several cities", () => {
  const cities = (text: string) => parse(text).request?.cities ?? [];
  it("keeps every city offered as an alternative", () => {
    expect(cities("注塑件缩水，广州或者佛山都可以")).toEqual(["广州", "佛山"]);
    expect(cities("注塑件缩水，深圳、东莞都行")).toEqual(["深圳", "东莞"]);
    expect(cities("注塑件缩水，广州佛山都得")).toEqual(["广州", "佛山"]);
    expect(cities("注塑件缩水，我们在广州，佛山也可以")).toEqual(["广州", "佛山"]);
    expect(cities("注塑件缩水，佛山南海或者广州番禺都行")).toEqual(["佛山", "广州"]);
    expect(cities("CNC parts out of tolerance, need help, Guangzhou or Foshan is fine")).toEqual(["广州", "佛山"]);
    expect(cities("CNC chatter, need an expert, Dongguan/Huizhou both ok")).toEqual(["东莞", "惠州"]);
  });

  it("leaves out a city that is only mentioned", () => {
    expect(cities("注塑件缩水求助，我们是深圳的厂，之前请过广州的专家")).toEqual([]);
    expect(cities("注塑件缩水求助，我们在深圳，东莞也有厂")).toEqual([]);
  });
});

describe("English typos of the trade", () => {
  const skills = (text: string) => parse(text).request?.skills.map((s) => s.key) ?? [];
  it("reads a misspelt long word as the taxonomy word it is one or two letters from", () => {
    expect(skills("need help with injecton molding in Dongguan")).toEqual(["injection_moulding"]);
    expect(skills("our refrigiration unit needs an expert in Foshan")).toEqual(["refrigeration"]);
  });

  it("leaves short and everyday words alone", () => {
    expect(skills("we would like someone to have a look")).toEqual([]);
    expect(skills("the schedule for tomorrow is posted")).toEqual([]);
  });
});
