import { describe, expect, it } from "vitest";
import {
  addDays,
  dayNumberOf,
  dayOf,
  isoDate,
  localTime,
  monthOf,
  monthRange,
  monthStart,
  parseDay,
  shortTime,
  startOfDay,
  weekdayOf,
  yearRange,
} from "../../core/calendar.ts";

describe("the Asia/Shanghai calendar", () => {
  const lateUtc = new Date("2026-11-30T16:30:00Z"); // 00:30 on 1 December in Shanghai

  it("counts a day from midnight in Shanghai, not in UTC", () => {
    expect(dayOf(lateUtc)).toBe("2026-12-01");
    expect(monthOf(lateUtc)).toBe("2026-12");
    expect(isoDate(dayNumberOf(lateUtc))).toBe("2026-12-01");
    expect(startOfDay(dayNumberOf(lateUtc)).toISOString()).toBe("2026-11-30T16:00:00.000Z");
    expect(shortTime(lateUtc)).toBe("12-01 00:30");
  });

  it("gives months and years as Shanghai instants", () => {
    expect(monthRange("2026-12")).toEqual({
      from: new Date("2026-12-01T00:00:00+08:00"),
      to: new Date("2027-01-01T00:00:00+08:00"),
    });
    expect(monthRange("2026-13")).toBeNull();
    expect(monthStart(lateUtc)).toEqual(new Date("2026-12-01T00:00:00+08:00"));
    expect(yearRange(lateUtc).from).toEqual(new Date("2026-01-01T00:00:00+08:00"));
  });

  it("agrees on the weekday whether a day is a number or a date", () => {
    // 2026-11-23 is a Monday.
    expect(weekdayOf("2026-11-23")).toBe(1);
    expect(weekdayOf(dayNumberOf(localTime("2026-11-29", "23:59")))).toBe(7);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });

  it("reads only real days", () => {
    expect(parseDay("2026-2-3")).toBe("2026-02-03");
    expect(parseDay("2026-02-30")).toBeNull();
  });
});
