// What an expert says about their own time: weekly slots (周二、周四下午), one-off dates (下周一到周三),
// an end date (到月底), pauses (这周都不行, 暂停接单) and resumption (可以接单了).

import { dayNumberOf, isoDate } from "../calendar.ts";
import { type DateTerm, scanDateTerms } from "./date-terms.ts";
import { FIRST_PERSON } from "./intent.ts";
import { detectMode } from "./mode.ts";
import { PARTS, scanTimesOfDay, type TimeOfDay } from "./time-of-day.ts";
import type { AvailabilitySlot, ParsedAvailability } from "./types.ts";

export const PAUSE =
  /暂停(?:接单|接活|服务|派单)?|先别(?:派|给|找|安排)|别(?:再)?(?:派|给我派|安排|找我)|不接(?:单|活|了)|接不了|唔(?:再)?接(?!受|纳|电话)(?:单|活|嘢)?|接唔(?:到|了)(?:单|活)|接唔(?:了|嚟)|唔好(?:再)?(?:派|搵|揾|找|安排)|冇(?:得|法|办法)接|没(?:空|时间)接|(?:最近|呢排|呢段时间|近排|这段时间|这阵子|这阵|近期)(?:我)?(?:都|一直|实在)?(?:好|很|比较|太|特别|有点|挺|非常)?(?:没空|没时间|不行|忙|不方便|冇空|冇时间|唔得闲)|(?:这|本|下)(?:个)?(?:周|星期|礼拜|月)(?:都|我都|我)?(?:不行|没空|没时间|不方便|不在|排满了)|都不行|都没空|(?:都|也|全)(?:没|冇|没有)(?:空|时间)|(?:都|也)?唔得闲|(?:都|也)?冇(?:空|时间)|(?:都|也)不得空|排满了|(?:都|也|实在|真系|真是|真的)(?:好|很|太|特别|非常|比较|超)?忙|\b(?:not|n't)\s+(?:be\s+)?available\b|\bunavailable\b|\bpause\b|\bon\s+leave\b|\bout\s+of\s+office\b|\bbusy\b|\bno\s+(?:time|offers)\b/i;
/** Absence words that pause only when the expert says them of themself ("王工今天请假" is chatter). */
export const AWAY =
  /出差|请假|休假|住院|在外地|不在广东|旅行|旅游|回老家|返老家|返乡下|回乡下|探亲|唔喺(?:度|广东|广州|深圳|本地)|\baway\b|\bon\s+(?:a\s+)?(?:business\s+)?trip\b|\bout\s+of\s+town\b|\btravell?ing\b/i;
/** An absence said with no subject ("away until the 15th", "出差到20号"): the speaker's own. */
export const AWAY_OF_SPEAKER =
  /^(?:(?:will\s+be|be)\s+)?(?:away|on\s+(?:a\s+)?(?:business\s+)?trip|out\s+of\s+(?:town|office)|travell?ing)\b|^(?:要|去|在)?(?:出差|请假|休假|住院|去旅行|旅行|返乡下|回老家|返老家)/i;
export const RESUME =
  /恢复(?:接单|接活|服务|派单|一下)|^恢复$|(?:可以|能|又能|又可以|重新|继续)(?:接单|接活)|又有空了|出差回来|回来了|\bresume\b|\bavailable\s+again\b(?!\s+(?:on|from|after|in)\b)|\bi'?m\s+back\b(?!\s+(?:on|by|in|after|from\s+the|next)\b)|\bback\s+(?:from|now)\b/i;
const POSITIVE =
  /有空|有时间|空闲|(?<![唔冇不])得闲|得空|可以|能来|能去|方便|都行|\bavailable\b|\bfree\b|\bcan\b|\bok\b/i;
/**
 * "下周再说", "下个礼拜先算", "20号先返", "back on Monday": the pause ends when the named time begins. Said with a
 * date, it alone makes a message about the expert's time.
 */
export const LATER =
  /再说|再联系|先(?:啦|喇|吧|咯)?$|再约|再找我|再安排|再派|再算|再讲|再倾|先不|(?:先|先至|才|至)(?:算|讲|倾|得闲|得空|有空|有时间|回来|返来|返(?!工)|回(?![复答头])|搵我|揾我|找我|联系|安排|接单)|\btry\s+(?:me\s+)?again\b|\bask\s+(?:me\s+)?again\b|\bback\s+(?:on|by|in|after|from\s+the|next)\b|\b(?:free|available)\s+again\s+(?:on|from|after|in)\b|\bnot\s+(?:until|till|before)\b/i;
/** "其他时间都行": the days named are the exception, not a pause. */
const OTHERWISE =
  /其他时间|其它时间|其余时间|其他日子|别的时间|其他都|其余都|\bother\s+(?:days|times)\b|\botherwise\b|\brest\s+of\s+the\s+time\b/i;
/** How long a pause lasts when the message names no end: two weeks, then offers come again. */
export const DEFAULT_PAUSE_DAYS = 14;

// Clauses are judged one by one, so that "这周不行，下周二下午可以" pauses nothing and offers next Tuesday.
const CLAUSE_BREAK = /[,.;!?，。；！？\n]|但是|不过|\bbut\b/gi;

interface DayItem {
  at: number;
  weekdays: number[];
  dates: number[];
}

function clauses(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    const at = m.index ?? 0;
    if (at > start) out.push({ start, end: at });
    start = at + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

const MAX_DATES = 31;

function dayItem(term: DateTerm, hasWeekly: boolean): DayItem | null {
  if (term.asap) return null;
  if (term.weekly) return { at: term.at, weekdays: term.weekly, dates: [] };
  // A month or longer beside weekly habits bounds them (本月每周二) instead of listing every day.
  if (hasWeekly && term.to - term.from > 6) return null;
  const dates: number[] = [];
  for (let d = term.from; d <= term.to && dates.length < MAX_DATES; d++) dates.push(d);
  return { at: term.at, weekdays: [], dates };
}

function slotsOf(days: DayItem[], times: TimeOfDay[]): AvailabilitySlot[] {
  type Group = { weekdays: number[]; dates: number[]; times: Array<[number, number]> };
  const events = [
    ...days.map((d) => ({ at: d.at, order: 0, day: d, time: null as TimeOfDay | null })),
    ...times.map((t) => ({ at: t.at, order: 1, day: null as DayItem | null, time: t })),
  ].sort((a, b) => a.at - b.at || a.order - b.order);
  const groups: Group[] = [];
  let current: Group = { weekdays: [], dates: [], times: [] };
  for (const e of events) {
    if (e.day) {
      if (current.times.length > 0 && (current.weekdays.length > 0 || current.dates.length > 0)) {
        groups.push(current);
        current = { weekdays: [], dates: [], times: [] };
      }
      current.weekdays.push(...e.day.weekdays);
      current.dates.push(...e.day.dates);
    } else if (e.time) {
      current.times.push([e.time.startMinute, e.time.endMinute]);
    }
  }
  groups.push(current);
  const slots: AvailabilitySlot[] = [];
  const seen = new Set<string>();
  const anyDays = groups.some((g) => g.weekdays.length > 0 || g.dates.length > 0);
  for (const g of groups) {
    const times = g.times.length > 0 ? g.times : [[PARTS.allDay[0], PARTS.allDay[1]] as [number, number]];
    let weekdays = g.weekdays;
    if (weekdays.length === 0 && g.dates.length === 0) {
      // "晚上都有空" names no day: every day of the week.
      if (anyDays || g.times.length === 0) continue;
      weekdays = [1, 2, 3, 4, 5, 6, 7];
    }
    for (const [startMinute, endMinute] of times) {
      for (const weekday of weekdays) {
        const key = `w${weekday}:${startMinute}-${endMinute}`;
        if (seen.has(key)) continue;
        seen.add(key);
        slots.push({ weekday, date: null, startMinute, endMinute });
      }
      for (const d of g.dates) {
        const date = isoDate(d);
        const key = `d${date}:${startMinute}-${endMinute}`;
        if (seen.has(key)) continue;
        seen.add(key);
        slots.push({ weekday: null, date, startMinute, endMinute });
      }
    }
  }
  return slots;
}

export interface AvailabilityExtra {
  /** End of a pause when one is said (这周都不行 -> this Sunday); not part of the contract's until. */
  pausedUntil: string | null;
}

/** Everything an availability message says except the cities, which understand.ts adds from the place lexicon. */
export function extractAvailability(text: string, now: Date): ParsedAvailability & AvailabilityExtra {
  const today = dayNumberOf(now);
  const terms = scanDateTerms(text, today);
  const times = scanTimesOfDay(text);
  const resume = RESUME.test(text);
  let pausedSaid = false;
  let explicitPause = false;
  let positiveSaid = false;
  const dayTerms: DateTerm[] = [];
  const pauseTerms: DateTerm[] = [];
  const laterTerms: DateTerm[] = [];
  const awayTerms: DateTerm[] = [];
  const activeTimes: TimeOfDay[] = [];
  // "12月20号前，唔好搵我住": a deadline said beside a pause, in a clause that says nothing free, ends the pause.
  const bareDeadlines: DateTerm[] = [];
  for (const c of clauses(text)) {
    const clause = text.slice(c.start, c.end);
    const pause = !resume && (PAUSE.test(clause) || (AWAY.test(clause) && FIRST_PERSON.test(text)));
    const inClause = <T extends { at: number }>(x: T) => x.at >= c.start && x.at < c.end;
    if (pause) {
      pausedSaid = true;
      if (PAUSE.test(clause)) explicitPause = true;
      const inside = terms.filter(inClause);
      pauseTerms.push(...inside);
      if (AWAY.test(clause)) awayTerms.push(...inside);
      continue;
    }
    if (!resume && LATER.test(clause) && terms.some(inClause)) {
      pausedSaid = true;
      laterTerms.push(...terms.filter(inClause));
      continue;
    }
    if (!resume && AWAY.test(clause) && terms.some(inClause)) {
      // "12月10号到15号出差" with nobody named: the speaker's own trip.
      pausedSaid = true;
      const inside = terms.filter(inClause);
      pauseTerms.push(...inside);
      awayTerms.push(...inside);
      continue;
    }
    if (POSITIVE.test(clause)) positiveSaid = true;
    else if (!times.some(inClause)) bareDeadlines.push(...terms.filter((t) => inClause(t) && t.before));
    dayTerms.push(...terms.filter(inClause));
    activeTimes.push(...times.filter(inClause));
  }
  if (pausedSaid && pauseTerms.length === 0 && laterTerms.length === 0 && bareDeadlines.length > 0) {
    pauseTerms.push(...bareDeadlines);
    dayTerms.splice(0, dayTerms.length, ...dayTerms.filter((t) => !bareDeadlines.includes(t)));
  }
  const hasWeekly = dayTerms.some((t) => t.weekly !== null && !t.before);
  let until: number | null = null;
  const days: DayItem[] = [];
  for (const term of dayTerms) {
    if (term.before || (hasWeekly && term.weekly === null && term.to - term.from > 6)) {
      until = Math.max(until ?? term.deadline, term.before ? term.deadline : term.to);
      continue;
    }
    const item = dayItem(term, hasWeekly);
    if (item) days.push(item);
  }
  const slots = slotsOf(days, activeTimes);
  const pauseEnd = pauseTerms.reduce<number | null>(
    (max, t) => Math.max(max ?? Number.NEGATIVE_INFINITY, t.before ? t.deadline : t.to),
    null,
  );
  // Dates taken by a trip, with the rest said free (or a trip that starts later): an exception, not a pause.
  const unavailable =
    awayTerms.length > 0 &&
    awayTerms.length === pauseTerms.length &&
    laterTerms.length === 0 &&
    (OTHERWISE.test(text) || (!explicitPause && awayTerms.every((t) => !t.before && t.from > today)))
      ? awayTerms.map((t) => ({ start: isoDate(t.from), end: isoDate(t.to) }))
      : [];
  if (unavailable.length > 0) pausedSaid = false;
  let paused: boolean | null = null;
  if (resume) paused = false;
  else if (pausedSaid && !(positiveSaid && slots.length > 0)) paused = true;
  // "下周再说" resumes when next week begins; a pause without any end lasts DEFAULT_PAUSE_DAYS.
  // "back on Monday" said on a Monday means the next one.
  const comesBack = (t: DateTerm) => (t.weekly !== null && t.from <= today ? t.from + 7 : t.from);
  const laterStart = laterTerms.reduce<number | null>((min, t) => Math.min(min ?? comesBack(t), comesBack(t)), null);
  let end = laterStart !== null ? Math.max(today, laterStart - 1) : pauseEnd;
  const assumed = paused === true && end === null;
  if (assumed) end = today + DEFAULT_PAUSE_DAYS - 1;
  return {
    slots: paused ? [] : slots,
    mode: detectMode(text),
    cities: [],
    paused,
    until: until === null ? null : isoDate(until),
    recurring: !paused && slots.some((s) => s.weekday !== null),
    pausedUntil: paused && end !== null ? isoDate(end) : null,
    ...(assumed ? { pausedUntilAssumed: true } : {}),
    ...(unavailable.length > 0 ? { unavailable } : {}),
  };
}
