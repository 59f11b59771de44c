// Finds every date expression in a message (今天, 下周二, 5月30日, 月底前, within two weeks, Tuesdays …) and resolves
// each to a range of day numbers. time-window.ts and availability.ts interpret the same terms differently
// (one window for a request, slots and an end date for an expert), so the scanning lives here once.

import { addMonths, dayFromYmd, isValidMonthDay, mondayOf, monthEnd, weekdayOf, ymd } from "../calendar.ts";
import { CN_NUM, parseNumber } from "./cn-number.ts";
import holidays from "./knowledge/holidays.json" with { type: "json" };

const SPRING_FESTIVALS: number[] = Object.values(holidays.springFestival).map((iso) => {
  const [y, m, d] = iso.split("-").map(Number);
  return dayFromYmd(y ?? 0, m ?? 1, d ?? 1);
});

/** The next Spring Festival on or after today, or null when the table does not reach that far. */
function nextSpringFestival(today: number): number | null {
  let best: number | null = null;
  for (const day of SPRING_FESTIVALS) if (day >= today && (best === null || day < best)) best = day;
  return best;
}

/** A fixed-date holiday (元旦, Christmas): this year's, or next year's once passed. */
function fixedHoliday(today: number, month: number, day: number) {
  const d = upcoming(today, month, day);
  return d === null ? null : span(d, d, d - 1);
}

export interface DateTerm {
  at: number;
  end: number;
  /** First and last day meant, as day numbers. */
  from: number;
  to: number;
  /** The last day when the term is used as a deadline (…前, by …, until …). */
  deadline: number;
  /** Weekdays when the term can be read as a weekly habit (周二, 每周一, 工作日, Tuesdays); null otherwise. */
  weekly: number[] | null;
  /** 每周 / every / a plural weekday: certainly recurring. */
  every: boolean;
  /** Followed by 前/之前 or preceded by 到/截止/by/until: a deadline rather than a day. */
  before: boolean;
  /** Followed by 之后/以后/起 or preceded by after/from (without an end): the first day of an open stretch. */
  after: boolean;
  /** Vague "as soon as possible". */
  asap: boolean;
}

type Maker = (m: RegExpExecArray, today: number) => Omit<DateTerm, "at" | "end" | "before" | "after"> | null;

const WEEKDAY_CHARS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  日: 7,
  天: 7,
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
  "5": 5,
  "6": 6,
  "7": 7,
};

const EN_WEEKDAYS: Record<string, number> = {
  monday: 1,
  tuesday: 2,
  tues: 2,
  wednesday: 3,
  weds: 3,
  thursday: 4,
  thurs: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};

const EN_MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function enMonth(raw: string): number | null {
  return EN_MONTHS[raw.slice(0, 3).toLowerCase()] ?? null;
}

/** 本/这 = 0, 下 = 1, 下下 = 2, 上 = -1, none = null. */
function weekOffset(prefix: string | undefined): number | null {
  if (!prefix) return null;
  if (prefix.startsWith("下下")) return 2;
  if (prefix.startsWith("下") || /^(next|coming)$/i.test(prefix)) return 1;
  if (prefix.startsWith("上")) return -1;
  if (prefix.startsWith("本") || prefix.startsWith("这") || prefix.startsWith("呢") || /^this$/i.test(prefix)) return 0;
  return null;
}

/** The day a weekday means: bare = the next one from today (today included), otherwise in the given week. */
function weekdayDay(today: number, weekday: number, offset: number | null): number {
  if (offset === null) return today + ((weekday - weekdayOf(today) + 7) % 7);
  return mondayOf(today) + offset * 7 + (weekday - 1);
}

function point(day: number): Omit<DateTerm, "at" | "end" | "before" | "after"> {
  return { from: day, to: day, deadline: day, weekly: null, every: false, asap: false };
}

function span(from: number, to: number, deadline = to): Omit<DateTerm, "at" | "end" | "before" | "after"> {
  return { from, to, deadline, weekly: null, every: false, asap: false };
}

/** A month and day without a year: this year, or next year once it has passed. */
function upcoming(today: number, month: number, day: number): number | null {
  if (!isValidMonthDay(month, day)) return null;
  const { year } = ymd(today);
  const thisYear = dayFromYmd(year, month, day);
  return thisYear >= today ? thisYear : dayFromYmd(year + 1, month, day);
}

function weekdaysTerm(
  today: number,
  weekdays: number[],
  offset: number | null,
  every: boolean,
): Omit<DateTerm, "at" | "end" | "before" | "after"> {
  const days = weekdays.map((w) => weekdayDay(today, w, every ? null : offset));
  return {
    from: Math.min(...days),
    to: Math.max(...days),
    deadline: Math.max(...days),
    weekly: offset === null || every ? weekdays : null,
    every,
    asap: false,
  };
}

function weekdayList(first: string, rest: string, rangeEnd: string | undefined): number[] {
  const start = WEEKDAY_CHARS[first];
  if (start === undefined) return [];
  if (rangeEnd !== undefined) {
    const stop = WEEKDAY_CHARS[rangeEnd];
    if (stop === undefined || stop < start) return [start];
    const list: number[] = [];
    for (let w = start; w <= stop; w++) list.push(w);
    return list;
  }
  const list = [start];
  for (const ch of rest) {
    const w = WEEKDAY_CHARS[ch];
    if (w !== undefined && !list.includes(w)) list.push(w);
  }
  return list;
}

function monthPart(year: number, month: number, part: string | undefined, today: number) {
  const first = dayFromYmd(year, month, 1);
  const last = monthEnd(year, month);
  let from = first;
  let to = last;
  let deadline = first - 1;
  switch (part) {
    case "初":
    case "上旬":
      to = first + (part === "初" ? 4 : 9);
      deadline = to;
      break;
    case "中":
    case "中旬":
      from = first + 10;
      to = first + 19;
      deadline = to;
      break;
    case "下旬":
      from = first + 20;
      deadline = last;
      break;
    case "底":
    case "末":
    case "尾":
      from = last - 4;
      deadline = last;
      break;
  }
  return span(Math.max(from, Math.min(today, to)), to, deadline);
}

const WD = "[一二三四五六日天1-7]";
const NOT_AFTER_NUMBER = "(?<![0-9一二两三四五六七八九十几个上下本这每])";

const SCANNERS: Array<[RegExp, Maker]> = [
  // 2026-12-05, 2026/12/5, 2026.12.05
  [
    /(?<![\d./-])(20\d{2})[./-](\d{1,2})[./-](\d{1,2})(?!\d)/g,
    (m) => {
      const month = Number(m[2]);
      const day = Number(m[3]);
      return isValidMonthDay(month, day) ? point(dayFromYmd(Number(m[1]), month, day)) : null;
    },
  ],
  // 5月30日, 十二月五号, 2026年12月5日
  [
    new RegExp(`(?:(20\\d{2})\\s*年\\s*)?(${CN_NUM})\\s*月\\s*(${CN_NUM})\\s*[日号]?`, "g"),
    (m, today) => {
      const month = parseNumber(m[2]);
      const day = parseNumber(m[3]);
      if (month === null || day === null || !isValidMonthDay(month, day)) return null;
      const d = m[1] ? dayFromYmd(Number(m[1]), month, day) : upcoming(today, month, day);
      return d === null ? null : point(d);
    },
  ],
  // 11-28, 11/28; not 9-11点, 3-5天, 0769-2233, 1.5
  [
    /(?<![\d./-])(\d{1,2})[/-](\d{1,2})(?![\d.:/-]|\s*(?:[点时号天个人年周次台件万千百米吨元块分秒度%]|h\b|am\b|pm\b|mm|cm|kg|hours?\b|days?\b))/gi,
    (m, today) => {
      const d = upcoming(today, Number(m[1]), Number(m[2]));
      return d === null ? null : point(d);
    },
  ],
  // 28号, 三十日 (of this month, or next month once passed); not 3号机, 5号线
  [
    new RegExp(`(?<![\\d月./-])(${CN_NUM})\\s*[号日](?![\\d机线楼车厂位台炉口门仓库房床模工产件])`, "g"),
    (m, today) => {
      const day = parseNumber(m[1]);
      if (day === null || day < 1 || day > 31) return null;
      const { year, month, day: todayDay } = ymd(today);
      const target = day >= todayDay ? month : month + 1;
      const last = ymd(monthEnd(year, target)).day;
      return day > last ? null : point(dayFromYmd(year, target, day));
    },
  ],
  [
    /大后天|后天|明天|明日|明早|明晚|今天|今日|今晚|今早|\b(?:the\s+)?day\s+after\s+tomorrow\b|\btomorrow\b|\btoday\b|\btonight\b/gi,
    (m, today) => {
      const w = m[0].toLowerCase();
      if (w.startsWith("大后")) return point(today + 3);
      if (w.startsWith("后") || w.includes("after")) return point(today + 2);
      if (w.startsWith("明") || w === "tomorrow") return point(today + 1);
      return point(today);
    },
  ],
  // Cantonese days: 听日 (tomorrow), 后日 (the day after), 听朝 (tomorrow morning)
  [
    /大后日|听日|聽日|听朝|聽朝|(?<![今明前])后日|(?<![今明前])後日/g,
    (m, today) => point(today + (m[0].startsWith("大") ? 3 : m[0].startsWith("听") || m[0].startsWith("聽") ? 1 : 2)),
  ],
  // Holidays as deadlines: 年前/春节前/过年前 (before the Spring Festival), 元旦前, 国庆前, before Christmas.
  // The 年 of 年前 must stand alone: not 今年前三季度, 3年前, 多年前.
  [
    /春节|春節|过年|農曆新年|农历新年|(?<![0-9一二两三四五六七八九十百千几多半今明去前后本这上下个每近整全当早])年(?=\s*(?:之前|以前|前(?!后|面|期|提|台|道|端|段|沿|处|方|三|两|几|半)))|\b(?:chinese\s+new\s+year|spring\s+festival|lunar\s+new\s+year|CNY)\b/gi,
    (_m, today) => {
      const festival = nextSpringFestival(today);
      return festival === null ? null : span(festival, festival, festival - 1);
    },
  ],
  [/元旦|\bnew\s+year'?s?(?:\s+day)?\b/gi, (_m, today) => fixedHoliday(today, 1, 1)],
  [/圣诞节?|\bchristmas\b|\bxmas\b/gi, (_m, today) => fixedHoliday(today, 12, 25)],
  [/国庆节?|國慶/g, (_m, today) => fixedHoliday(today, 10, 1)],
  // 周二, 下周一到周三, 每周二、四, 星期天, 礼拜三
  [
    new RegExp(
      `(?<![0-9一二两三四五六七八九十几])(每个?|本|这个?|呢个?|下下个?|下个?|上个?)?\\s*(?:周|星期|礼拜)\\s*(${WD})` +
        `(?:\\s*(?:到|至|-)\\s*(?:周|星期|礼拜)?\\s*(${WD})|((?:\\s*(?:(?:[、,和及与跟/]|同埋|或者|或是|还是|或|同)\\s*)?(?:周|星期|礼拜)?${WD}(?![0-9十个月号日天点时]))*))(?![次遍回])`,
      "g",
    ),
    (m, today) => {
      const list = weekdayList(m[2] ?? "", m[4] ?? "", m[3]);
      if (list.length === 0) return null;
      const every = (m[1] ?? "").startsWith("每");
      return weekdaysTerm(today, list, weekOffset(m[1]), every);
    },
  ],
  [
    /\b(?:(every|this|next|coming)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues|weds|thurs)(s)?\b/gi,
    (m, today) => {
      const w = EN_WEEKDAYS[(m[2] ?? "").toLowerCase()];
      if (w === undefined) return null;
      const prefix = (m[1] ?? "").toLowerCase();
      const every = prefix === "every" || m[3] !== undefined;
      return weekdaysTerm(today, [w], weekOffset(prefix || undefined), every);
    },
  ],
  // 周末, 这周末, 下周末, 工作日, 每天, weekends, weekdays, every day
  [
    /(本|这个?|呢个?|下个?|每个?)?\s*(?:周末|双休日?)|工作日|每天|天天|每日|\b(this|next)\s+weekend\b|\bweekends\b|\bweekdays\b|\bevery\s*day\b|\bdaily\b/gi,
    (m, today) => {
      const w = m[0].toLowerCase();
      const weekdays =
        w.includes("周末") || w.includes("双休") || w.includes("weekend")
          ? [6, 7]
          : w.includes("工作日") || w.includes("weekday")
            ? [1, 2, 3, 4, 5]
            : [1, 2, 3, 4, 5, 6, 7];
      const offset = weekOffset(m[1] ?? m[2]);
      const every = offset === null;
      if (offset !== null) {
        const monday = mondayOf(today) + offset * 7;
        return span(Math.max(today, monday + 5), monday + 6);
      }
      if (weekdays.length === 7) return { ...span(today, today + 6), weekly: weekdays, every };
      return { ...weekdaysTerm(today, weekdays, null, false), weekly: weekdays, every };
    },
  ],
  // 本周, 这周, 下周, 下下周 (no weekday after), this week, next week
  [
    new RegExp(
      `${NOT_AFTER_NUMBER}(本|这个?|呢个?|下下个?|下个?)\\s*(?:周|星期|礼拜)(?!\\s*[一二三四五六日天1-7末])|\\b(this|next|coming)\\s+week\\b(?!end)`,
      "gi",
    ),
    (m, today) => {
      const offset = weekOffset(m[1] ?? m[2]) ?? 0;
      const monday = mondayOf(today) + offset * 7;
      return span(Math.max(today, monday), monday + 6, offset === 0 ? monday + 6 : monday - 1);
    },
  ],
  // 这两天, 这几天, 最近几天
  [
    /这两天|这几天|近两天|近几天|最近几天|最近两天|\b(?:the\s+)?next\s+(?:few|couple\s+of)\s+days\b/gi,
    (_m, today) => span(today, today + 3),
  ],
  // 这两周, 呢两个礼拜, 未来三周, 接下来两个月: from today for that long
  [
    /(?:这|呢|近|最近|未来|接下来|今后)\s*(两|二|三|四|几)\s*个?\s*(周|星期|礼拜|月)/g,
    (m, today) => {
      const count = m[1] === "几" ? 2 : (parseNumber(m[1] ?? "") ?? 2);
      if (m[2] === "月") return span(today, addMonths(today, count) - 1);
      return span(today, today + count * 7 - 1);
    },
  ],
  // "until the 15th", "back on the 4th": a day of this month, or of the next once passed. Only after a word that
  // makes it a date and before the end of the phrase, so "the 3rd production line" is no date.
  [
    /(?<=\b(?:the|on|until|till|til|by|before|after|from|to|through|thru)\s+)(\d{1,2})(?:st|nd|rd|th)\b(?=\s*(?:$|[,.;!?)]|(?:and|or|to|till|until|through|then|but|at|in|morning|afternoon|evening|onwards?|i|we|please)\b))/gi,
    (m, today) => {
      const day = Number(m[1]);
      if (day < 1 || day > 31) return null;
      const { year, month, day: todayDay } = ymd(today);
      const target = day >= todayDay ? month : month + 1;
      const last = ymd(monthEnd(year, target)).day;
      return day > last ? null : point(dayFromYmd(year, target, day));
    },
  ],
  // 本月, 下个月, 月底, 本月底, 下月初, 月中
  [
    /(本|这个?|呢个?|下个?)\s*月\s*(底|末|尾|初|中旬|上旬|下旬|中)?|(?<![0-9一二三四五六七八九十个本这呢下])月\s*(底|末|尾|初|中旬|上旬|下旬|中)/g,
    (m, today) => {
      const { year, month, day } = ymd(today);
      const next = (m[1] ?? "").startsWith("下");
      const part = m[2] ?? m[3];
      // 月初 said after the first days of a month means the start of the next one.
      const target = next || (part === "初" && day > 5 && !m[1]) ? month + 1 : month;
      const term = monthPart(year, target, part, today);
      // "本月" alone is the rest of this month; its deadline is its last day.
      if (!part && !next) return span(today, term.to);
      return term;
    },
  ],
  // 12月, 十二月底, 11月中旬, 3月份
  [
    new RegExp(`(?<![0-9年])(${CN_NUM})\\s*月份?\\s*(底|末|尾|初|中旬|上旬|下旬|中)?`, "g"),
    (m, today) => {
      const month = parseNumber(m[1]);
      if (month === null || month < 1 || month > 12) return null;
      const { year, month: now } = ymd(today);
      return monthPart(month < now ? year + 1 : year, month, m[2], today);
    },
  ],
  [
    /今年\s*(?:年底|底|内|年内)|年底|年末|年内|\bend\s+of\s+(?:the\s+|this\s+)?year\b|\byear[- ]end\b/gi,
    (m, today) => {
      const { year } = ymd(today);
      const last = dayFromYmd(year, 12, 31);
      if (/内/.test(m[0])) return span(today, last);
      return span(Math.max(today, dayFromYmd(year, 12, 1)), last);
    },
  ],
  [
    /\bend\s+of\s+(?:the\s+|this\s+)?month\b|\bmonth[- ]end\b|\bthis\s+month\b|\bnext\s+month\b|\bend\s+of\s+(?:the\s+|this\s+)?week\b/gi,
    (m, today) => {
      const w = m[0].toLowerCase();
      const { year, month } = ymd(today);
      if (w.includes("week")) return span(today, mondayOf(today) + 6);
      if (w.startsWith("next")) return monthPart(year, month + 1, undefined, today);
      if (w.startsWith("this")) return span(today, monthEnd(year, month));
      return monthPart(year, month, "底", today);
    },
  ],
  // 两周内, 三天之内, 一个月以内, 半个月内, within two weeks, in the next 10 days
  [
    /(\d{1,3}|[一二两三四五六七八九十半]{1,3})\s*个?\s*(天|日|周|星期|礼拜|月|工作日)\s*(?:之内|以内|内)|\b(?:within|in)\s+(?:the\s+next\s+)?(\d{1,3}|a|an|one|two|three|four|five|six|seven|ten|couple\s+of|few)\s+(days?|weeks?|months?)\b/gi,
    (m, today) => {
      const rawCount = (m[1] ?? m[3] ?? "").replace(/\s+of$/i, "");
      const unit = (m[2] ?? m[4] ?? "").toLowerCase();
      const half = rawCount === "半";
      const count = half ? 0.5 : parseNumber(rawCount);
      if (count === null || count <= 0 || count > 366) return null;
      if (unit.startsWith("月") || unit.startsWith("month")) {
        return span(today, half ? today + 15 : addMonths(today, count));
      }
      const days =
        unit.startsWith("周") || unit.startsWith("星期") || unit.startsWith("礼拜") || unit.startsWith("week") ? 7 : 1;
      return span(today, today + Math.round(count * days));
    },
  ],
  [
    /尽快|尽早|越快越好|马上|立刻|立即|赶紧|\basap\b|\bas\s+soon\s+as\s+possible\b|\bright\s+away\b|\bimmediately\b/gi,
    (_m, today) => ({ ...span(today, today + 3), asap: true }),
  ],
  // May 30, 30th of May, Nov. 5
  [
    /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b|\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/gi,
    (m, today) => {
      const month = enMonth(m[1] ?? m[4] ?? "");
      const day = Number(m[2] ?? m[3]);
      if (month === null) return null;
      const d = upcoming(today, month, day);
      return d === null ? null : point(d);
    },
  ],
  // (end of) November — full names only, so the verb "may" is never a month.
  [
    /\b(?:(end|middle|mid|beginning|start)\s+of\s+)?(january|february|march|april|june|july|august|september|october|november|december)\b/gi,
    (m, today) => {
      const month = enMonth(m[2] ?? "");
      if (month === null) return null;
      const { year, month: now } = ymd(today);
      const which = (m[1] ?? "").toLowerCase();
      const part = which === "end" ? "底" : which.startsWith("mid") ? "中" : which ? "初" : undefined;
      return monthPart(month < now ? year + 1 : year, month, part, today);
    },
  ],
];

const MAX_TERMS_PER_PATTERN = 40;

const BEFORE_AFTER = /^\s*(?:之前|以前|前(?!后|面|期|提|台|道|端|段|沿|处|方))/;
const BEFORE_BEFORE =
  /(?:(?<![改挪迟前调换延推移])到|截止到?|截至|不晚于|最晚|最迟|\bby|\bbefore|\buntil|\btill|\bno\s+later\s+than)\s*(?:the\s+)?$/i;
const AFTER_AFTER = /^\s*(?:或之后|之后|以后|往后|后(?![天日面期来])|起|开始|onwards?\b|or\s+later\b|and\s+after\b)/i;
const AFTER_BEFORE = /(?:\bafter|\bfrom|\bstarting(?:\s+from)?|\bbeginning|从)\s*(?:the\s+)?$/i;
const RANGE_NEXT = /^\s*(?:到|至|-|to\b|till\b|until\b|through\b|thru\b)/i;
const RANGE_GAP = /^\s*(?:到|至|-|\bto\b|\btill\b|\buntil\b|\bthrough\b|\bthru\b)\s*$/i;

/** All date terms of `text`, left to right, with ranges (明天到后天, 12月1日-12月5日) merged into one term. */
export function scanDateTerms(text: string, today: number): DateTerm[] {
  const found: DateTerm[] = [];
  for (const [pattern, make] of SCANNERS) {
    pattern.lastIndex = 0;
    let count = 0;
    for (const m of text.matchAll(pattern)) {
      // No real message names more dates than this; a pasted wall of them must not cost more.
      if (++count > MAX_TERMS_PER_PATTERN) break;
      const made = make(m as RegExpExecArray, today);
      if (!made) continue;
      const at = m.index ?? 0;
      // Leading spaces a pattern consumed are not part of the term.
      const lead = m[0].length - m[0].trimStart().length;
      found.push({ ...made, at: at + lead, end: at + m[0].length, before: false, after: false });
    }
  }
  found.sort((a, b) => a.at - b.at || b.end - b.at - (a.end - a.at));
  const kept: DateTerm[] = [];
  for (const term of found) {
    const last = kept[kept.length - 1];
    if (last && term.at < last.end) continue;
    kept.push(term);
  }
  const merged: DateTerm[] = [];
  for (const term of kept) {
    const prev = merged[merged.length - 1];
    if (prev && !prev.before && RANGE_GAP.test(text.slice(prev.end, term.at)) && term.to >= prev.from) {
      // "Monday to Friday" stays a weekly habit; any other range is a run of dates.
      const a = prev.weekly?.length === 1 ? prev.weekly[0] : undefined;
      const b = term.weekly?.length === 1 ? term.weekly[0] : undefined;
      const weekly =
        a !== undefined && b !== undefined && a < b ? Array.from({ length: b - a + 1 }, (_, i) => a + i) : null;
      merged[merged.length - 1] = {
        ...prev,
        end: term.end,
        to: term.to,
        deadline: term.deadline,
        weekly,
        before: BEFORE_AFTER.test(text.slice(term.end, term.end + 4)),
        after: false,
      };
      continue;
    }
    term.before =
      BEFORE_AFTER.test(text.slice(term.end, term.end + 4)) ||
      BEFORE_BEFORE.test(text.slice(Math.max(0, term.at - 14), term.at));
    // A range merged above has its end; "from Monday" alone, or "下周二之后", has none.
    term.after =
      !term.before &&
      (AFTER_AFTER.test(text.slice(term.end, term.end + 12)) ||
        (AFTER_BEFORE.test(text.slice(Math.max(0, term.at - 16), term.at)) && !RANGE_NEXT.test(text.slice(term.end))));
    merged.push(term);
  }
  return merged;
}
