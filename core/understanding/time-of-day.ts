// Parts of the day (上午, 下午, evenings) and explicit times (9点-11点, 14:00-17:00, 2-5pm) as minute ranges.

import { CN_NUM, parseNumber } from "./cn-number.ts";

export interface TimeOfDay {
  at: number;
  end: number;
  startMinute: number;
  endMinute: number;
}

/** Default minute ranges of the parts of a day. */
export const PARTS = {
  morning: [540, 720],
  noon: [720, 840],
  afternoon: [840, 1080],
  evening: [1140, 1260],
  allDay: [540, 1080],
} as const;

function partOf(word: string | undefined): keyof typeof PARTS | null {
  if (!word) return null;
  const w = word.toLowerCase();
  // Cantonese: 上昼/朝早 morning, 下昼/晏昼 afternoon, 晏昼 also lunchtime, 夜晚/晚黑 evening.
  if (/上午|早上|早晨|上半天|上昼|朝早|朝头早|morning|今早|明早|听朝/.test(w)) return "morning";
  // "afternoon" contains "noon": test it first.
  if (/下午|下半天|下昼|晏昼|晏晝|下晝|afternoon/.test(w)) return "afternoon";
  if (/中午|noon|lunch/.test(w)) return "noon";
  if (/晚上|晚间|傍晚|夜里|夜间|今晚|明晚|夜晚|晚黑|evening|night|tonight/.test(w)) return "evening";
  if (/全天|整天|一整天|白天|全日|all\s*day|full\s*day|whole\s*day/.test(w)) return "allDay";
  return null;
}

const PART_WORDS =
  "上午|早上|早晨|上半天|中午|下午|下半天|晚上|晚间|傍晚|夜里|夜间|全天|整天|一整天|白天|全日|今早|明早|今晚|明晚|上昼|朝早|下昼|下晝|晏昼|晏晝|夜晚|晚黑";
const PART_PATTERN = new RegExp(
  `${PART_WORDS}|\\bmornings?\\b|\\bafternoons?\\b|\\bevenings?\\b|\\bnights?\\b|\\btonight\\b|\\bnoon\\b|\\ball\\s+day\\b|\\bfull\\s+day\\b|\\bwhole\\s+day\\b`,
  "gi",
);

const CLOCK = `(${CN_NUM})\\s*(?:(?:[:.]|点|时)\\s*(\\d{2}|半|一刻|[一二三四五]十)?\\s*分?)?`;
const RANGE_PATTERN = new RegExp(
  `(?:(${PART_WORDS})\\s*)?${CLOCK}\\s*(am|pm)?\\s*(?:-|到|至|~|\\bto\\b|\\buntil\\b|\\btill\\b)\\s*(?:(${PART_WORDS})\\s*)?${CLOCK}\\s*(am|pm)?\\s*(?:点|时)?`,
  "gi",
);
const SINGLE_PATTERN = new RegExp(
  `(?:(${PART_WORDS})\\s*)?${CLOCK}\\s*(am|pm)?\\s*(以后|之后|后|以前|之前|前|\\bonwards\\b|\\bafter\\b|\\bbefore\\b)|\\b(after|before|from)\\s+(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm)\\b`,
  "gi",
);

function minutesOf(raw: string | undefined): number {
  if (!raw) return 0;
  if (raw === "半") return 30;
  if (raw === "一刻") return 15;
  return Math.min(59, parseNumber(raw) ?? 0);
}

/** 24-hour clock from an hour said with a part of day or am/pm. */
function toHour(hour: number, part: keyof typeof PARTS | null, meridiem: string | undefined): number {
  const m = meridiem?.toLowerCase();
  if (m === "pm" && hour < 12) return hour + 12;
  if (m === "am" && hour === 12) return 0;
  if ((part === "afternoon" || part === "evening") && hour < 12) return hour + 12;
  if (part === "noon" && hour < 6) return hour + 12;
  return hour;
}

export function scanTimesOfDay(text: string): TimeOfDay[] {
  const found: TimeOfDay[] = [];
  for (const m of text.matchAll(RANGE_PATTERN)) {
    const raw = m[0];
    // A bare "3-5" is a count or a date; a time needs 点, 时, a colon or am/pm somewhere.
    if (!/[点时:]|am|pm/i.test(raw)) continue;
    const h1 = parseNumber(m[2]);
    const h2 = parseNumber(m[6]);
    if (h1 === null || h2 === null || h1 > 24 || h2 > 24) continue;
    const part1 = partOf(m[1]);
    const part2 = partOf(m[5]) ?? part1;
    let start = toHour(h1, part1, m[4] ?? m[8]) * 60 + minutesOf(m[3]);
    let end = toHour(h2, part2, m[8]) * 60 + minutesOf(m[7]);
    // "2点到5点" without a part of day is an afternoon: nobody offers 2 a.m.
    if (!part1 && !m[4] && !m[8] && h1 >= 1 && h1 <= 6) {
      start += 720;
      if (end < start) end += 720;
    }
    if (end <= start && end + 720 > start) end += 720;
    if (end <= start || end > 1440) continue;
    const at = m.index ?? 0;
    found.push({ at, end: at + raw.length, startMinute: start, endMinute: end });
  }
  for (const m of text.matchAll(SINGLE_PATTERN)) {
    const at = m.index ?? 0;
    if (found.some((t) => at < t.end && at + m[0].length > t.at)) continue;
    const part = partOf(m[1]);
    const hour = parseNumber(m[2] ?? m[7]);
    if (hour === null || hour > 23) continue;
    let h = toHour(hour, part, m[4] ?? m[9]);
    if (!part && !m[4] && !m[9] && h >= 1 && h <= 6) h += 12;
    const minute = h * 60 + minutesOf(m[3] ?? m[8]);
    const after = /后|onwards|after|from/i.test(m[5] ?? m[6] ?? "");
    const range = after
      ? [minute, minute >= 1080 ? 1260 : Math.max(1080, minute + 60)]
      : [part ? PARTS[part][0] : 540, minute];
    const [s, e] = range as [number, number];
    if (e > s) found.push({ at, end: at + m[0].length, startMinute: s, endMinute: e });
  }
  for (const m of text.matchAll(PART_PATTERN)) {
    const at = m.index ?? 0;
    if (found.some((t) => at < t.end && at + m[0].length > t.at)) continue;
    const part = partOf(m[0]);
    if (!part) continue;
    found.push({ at, end: at + m[0].length, startMinute: PARTS[part][0], endMinute: PARTS[part][1] });
  }
  return found.sort((a, b) => a.at - b.at);
}
