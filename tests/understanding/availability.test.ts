// Availability slots, pauses and end dates against a fixed now: Monday 2026-11-23.

import { describe, expect, it } from "vitest";
import { extractAvailability } from "../../core/understanding/availability.ts";
import { normalize } from "../../core/understanding/normalize.ts";
import { understand } from "../../core/understanding/understand.ts";

const now = new Date("2026-11-23T10:00:00+08:00");
const parse = (text: string) => extractAvailability(normalize(text), now);
const weekly = (weekday: number, startMinute: number, endMinute: number) => ({
  weekday,
  date: null,
  startMinute,
  endMinute,
});
const once = (date: string, startMinute: number, endMinute: number) => ({
  weekday: null,
  date,
  startMinute,
  endMinute,
});

describe("availability", () => {
  it("reads weekly afternoons and remote help", () => {
    const u = understand("我周二、周四下午有空，可以远程", { now });
    expect(u.intent).toBe("availability");
    expect(u.availability?.slots).toEqual([weekly(2, 840, 1080), weekly(4, 840, 1080)]);
    expect(u.availability?.mode).toBe("remote");
    expect(u.availability?.recurring).toBe(true);
  });

  it("uses the default minute ranges of the parts of a day", () => {
    expect(parse("星期三上午").slots).toEqual([weekly(3, 540, 720)]);
    expect(parse("周五晚上").slots).toEqual([weekly(5, 1140, 1260)]);
    expect(parse("周六全天").slots).toEqual([weekly(6, 540, 1080)]);
    expect(parse("周日").slots).toEqual([weekly(7, 540, 1080)]);
  });

  it("pairs each day with its own part of day", () => {
    expect(parse("周二上午、周四下午").slots).toEqual([weekly(2, 540, 720), weekly(4, 840, 1080)]);
  });

  it("reads explicit times", () => {
    expect(parse("每周一9点-11点").slots).toEqual([weekly(1, 540, 660)]);
    expect(parse("周三14:00-17:00").slots).toEqual([weekly(3, 840, 1020)]);
    expect(parse("周四下午2点到5点").slots).toEqual([weekly(4, 840, 1020)]);
  });

  it("expands 工作日, 周末 and 每周一三五", () => {
    expect(parse("工作日晚上").slots.map((s) => s.weekday)).toEqual([1, 2, 3, 4, 5]);
    expect(parse("周末").slots.map((s) => s.weekday)).toEqual([6, 7]);
    expect(parse("每周一三五下午").slots.map((s) => s.weekday)).toEqual([1, 3, 5]);
  });

  it("turns 本周二 and 下周一到周三 into one-off dates", () => {
    const one = parse("本周二下午有空");
    expect(one.slots).toEqual([once("2026-11-24", 840, 1080)]);
    expect(one.recurring).toBe(false);
    expect(parse("下周一到周三都可以").slots.map((s) => s.date)).toEqual(["2026-11-30", "2026-12-01", "2026-12-02"]);
  });

  it("reads until when", () => {
    expect(parse("每周二下午，到月底").until).toBe("2026-11-30");
    expect(parse("12月前每周三").until).toBe("2026-11-30");
    expect(parse("周三周五全天，年底前都这样").until).toBe("2026-12-31");
  });

  it("pauses and resumes", () => {
    const week = parse("这周都不行");
    expect(week.paused).toBe(true);
    expect(week.slots).toEqual([]);
    expect(week.pausedUntil).toBe("2026-11-29");
    expect(parse("暂停接单").paused).toBe(true);
    expect(parse("最近没空").paused).toBe(true);
    expect(parse("恢复接单").paused).toBe(false);
    expect(parse("可以接单了").paused).toBe(false);
    expect(parse("周二下午有空").paused).toBeNull();
  });

  it("does not pause when a later clause offers time", () => {
    const a = parse("这周不行，下周二下午可以");
    expect(a.paused).toBeNull();
    expect(a.slots).toEqual([once("2026-12-01", 840, 1080)]);
  });

  it("reads English", () => {
    const u = understand("Tuesday and Thursday afternoons, remote ok", { now });
    expect(u.intent).toBe("availability");
    expect(u.availability?.slots).toEqual([weekly(2, 840, 1080), weekly(4, 840, 1080)]);
    expect(u.availability?.mode).toBe("remote");
    const away = understand("not available this week", { now });
    expect(away.intent).toBe("availability");
    expect(away.availability?.paused).toBe(true);
  });

  it("lists the cities an expert can reach", () => {
    expect(understand("周末有空，广州、佛山都能去", { now }).availability?.cities).toEqual(["广州", "佛山"]);
  });
});

describe("days away said in English", () => {
  it("away until a day is a pause that ends that day; a trip with the rest free is days away", () => {
    const away = understand("I am away until Dec 15", { now });
    expect(away.intent).toBe("availability");
    expect(away.availability).toMatchObject({ paused: true, pausedUntil: "2026-12-15" });
    const trip = understand("I'm on a business trip from Dec 10 to Dec 15, other days are fine", { now });
    expect(trip.availability).toMatchObject({
      paused: null,
      unavailable: [{ start: "2026-12-10", end: "2026-12-15" }],
    });
  });

  it("someone else being away is not the speaker's pause", () => {
    expect(understand("Our manager is away, please call me about the CNC problem", { now }).intent).not.toBe(
      "availability",
    );
  });
});

describe("pauses said in Cantonese and in colloquial Mandarin", () => {
  const paused = (text: string) => {
    const u = understand(text, { now });
    expect(u.intent, text).toBe("availability");
    return u.availability;
  };

  it("a day with 前 ends the pause on that day", () => {
    expect(paused("12月20号前唔接单")).toMatchObject({ paused: true, pausedUntil: "2026-12-20" });
    expect(paused("20号之前唔好派单俾我")).toMatchObject({ paused: true, pausedUntil: "2026-12-20" });
    expect(paused("我12月5号前都好忙，唔好搵我住")).toMatchObject({ paused: true, pausedUntil: "2026-12-05" });
    expect(paused("月底之前冇时间")).toMatchObject({ paused: true, pausedUntil: "2026-11-30" });
    expect(paused("呢个月尾前都唔得闲")).toMatchObject({ paused: true, pausedUntil: "2026-11-30" });
    expect(paused("年底前都没时间")).toMatchObject({ paused: true, pausedUntil: "2026-12-31" });
  });

  it("a time to come back to ends the pause the day before it", () => {
    expect(paused("呢排好忙，下个礼拜先算")).toMatchObject({ paused: true, pausedUntil: "2026-11-29" });
    expect(paused("最近比较忙，下周再倾")).toMatchObject({ paused: true, pausedUntil: "2026-11-29" });
    expect(paused("下个月中先得闲")).toMatchObject({ paused: true, pausedUntil: "2026-12-10" });
    expect(paused("我去咗旅行，28号先返")).toMatchObject({ paused: true, pausedUntil: "2026-11-27" });
    expect(paused("下个月先搵我")).toMatchObject({ paused: true, pausedUntil: "2026-11-30" });
  });

  it("the coming weeks are a pause of that length, not the default", () => {
    const two = paused("呢两个礼拜冇空");
    expect(two).toMatchObject({ paused: true, pausedUntil: "2026-12-06" });
    expect(two).not.toHaveProperty("pausedUntilAssumed");
  });

  it("declining an offer in Cantonese is not a pause", () => {
    expect(understand("唔接受 R-0001", { now }).intent).toBe("offer_reply");
  });
});

describe("a day of the month said in English without the month", () => {
  it("is the next such day", () => {
    expect(understand("away until the 15th", { now }).availability).toMatchObject({
      paused: true,
      pausedUntil: "2026-12-15",
    });
    expect(understand("busy till the 28th", { now }).availability).toMatchObject({
      paused: true,
      pausedUntil: "2026-11-28",
    });
    // The 10th has passed this month: next month's.
    expect(understand("On leave till the 10th", { now }).availability).toMatchObject({
      paused: true,
      pausedUntil: "2026-12-10",
    });
  });

  it("back on a day ends the pause the day before", () => {
    const monday = understand("back on Monday", { now });
    expect(monday.intent).toBe("availability");
    expect(monday.availability).toMatchObject({ paused: true, pausedUntil: "2026-11-29" });
    expect(understand("I'm travelling, back on the 4th", { now }).availability).toMatchObject({
      paused: true,
      pausedUntil: "2026-12-03",
    });
  });

  it("an ordinal that is no date stays none", () => {
    expect(understand("the 3rd production line keeps jamming, need help", { now }).request?.window ?? null).toBeNull();
  });
});
