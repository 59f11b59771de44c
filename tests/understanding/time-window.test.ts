// Request windows resolved against a fixed now: Monday 2026-11-23, 10:00 in Asia/Shanghai.

import { describe, expect, it } from "vitest";
import { normalize } from "../../core/understanding/normalize.ts";
import { extractWindow } from "../../core/understanding/time-window.ts";

const now = new Date("2026-11-23T10:00:00+08:00");
const w = (text: string, at = now) => extractWindow(normalize(text), at);
const day = (start: string, end = start) => ({ start, end });

describe("extractWindow", () => {
  it.each([
    ["今天", day("2026-11-23")],
    ["明天", day("2026-11-24")],
    ["后天", day("2026-11-25")],
    ["大后天", day("2026-11-26")],
    ["本周五", day("2026-11-27")],
    ["周五", day("2026-11-27")],
    ["下周二", day("2026-12-01")],
    ["下下周三", day("2026-12-09")],
    ["下周", day("2026-11-30", "2026-12-06")],
    ["这周", day("2026-11-23", "2026-11-29")],
    ["周末", day("2026-11-28", "2026-11-29")],
    ["5月30日", day("2027-05-30")],
    ["12月5号", day("2026-12-05")],
    ["十二月十五日", day("2026-12-15")],
    ["11-28", day("2026-11-28")],
    ["2026-12-05", day("2026-12-05")],
    ["月底前", day("2026-11-23", "2026-11-30")],
    ["月底", day("2026-11-26", "2026-11-30")],
    ["年底前", day("2026-11-23", "2026-12-31")],
    ["下个月", day("2026-12-01", "2026-12-31")],
    ["下月初", day("2026-12-01", "2026-12-05")],
    ["12月中旬", day("2026-12-11", "2026-12-20")],
    ["12月前", day("2026-11-23", "2026-11-30")],
    ["12月10号前", day("2026-11-23", "2026-12-10")],
    ["尽快", day("2026-11-23", "2026-11-26")],
    ["ASAP", day("2026-11-23", "2026-11-26")],
    ["两周内", day("2026-11-23", "2026-12-07")],
    ["三天之内", day("2026-11-23", "2026-11-26")],
    ["一个月以内", day("2026-11-23", "2026-12-23")],
    ["下周一到周三", day("2026-11-30", "2026-12-02")],
    ["下周三或者周四", day("2026-12-02", "2026-12-03")],
    ["12月1日到12月5日", day("2026-12-01", "2026-12-05")],
    ["tomorrow", day("2026-11-24")],
    ["next Tuesday", day("2026-12-01")],
    ["this week", day("2026-11-23", "2026-11-29")],
    ["within two weeks", day("2026-11-23", "2026-12-07")],
    ["by November 30", day("2026-11-23", "2026-11-30")],
    ["end of the month", day("2026-11-26", "2026-11-30")],
  ])("%s", (text, expected) => {
    expect(w(text)).toEqual(expected);
  });

  it("returns null when no date is said, and ignores numbers that are not dates", () => {
    for (const text of [
      "焊接变形",
      "3号机坏了",
      "9-11点",
      "一周一次",
      "尺寸超差0.02",
      "3-5天交货",
      "电话0769-22334455",
    ]) {
      expect(w(text), text).toBeNull();
    }
  });

  it("reads the date in Asia/Shanghai, not in UTC", () => {
    // 2026-11-23 23:30 in Shanghai is still 15:30 UTC on the 23rd; 00:30 on the 24th in Shanghai is the 23rd in UTC.
    expect(w("明天", new Date("2026-11-23T16:30:00Z"))).toEqual(day("2026-11-25"));
    expect(w("今天", new Date("2026-11-23T15:59:00Z"))).toEqual(day("2026-11-23"));
  });

  it("rolls a passed month and day into next year, and handles the year end", () => {
    expect(w("1月5日", new Date("2026-12-30T10:00:00+08:00"))).toEqual(day("2027-01-05"));
    expect(w("下周一", new Date("2026-12-30T10:00:00+08:00"))).toEqual(day("2027-01-04"));
    expect(w("月底前", new Date("2027-02-10T10:00:00+08:00"))).toEqual(day("2027-02-10", "2027-02-28"));
  });
});

describe("a window that only says when it starts", () => {
  it.each([
    ["下周二之后都可以", day("2026-12-01", "2026-12-14")],
    ["12月10号起都得", day("2026-12-10", "2026-12-23")],
    ["下个礼拜三以后先得", day("2026-12-02", "2026-12-15")],
    ["any day after the 10th", day("2026-12-10", "2026-12-23")],
    ["from next Monday onwards", day("2026-11-30", "2026-12-13")],
  ])("%s", (text, expected) => {
    expect(w(text)).toEqual(expected);
  });

  it("ends with a deadline said beside it, and a range keeps its end", () => {
    expect(w("12月10号起，年底前搞掂")).toEqual(day("2026-12-10", "2026-12-31"));
    expect(w("from Monday to Wednesday")).toEqual(day("2026-11-23", "2026-11-25"));
    expect(w("周二后天都行")).not.toEqual(day("2026-11-24", "2026-12-07"));
  });
});
