// Calendar arithmetic on day numbers (days since 1970-01-01) in Asia/Shanghai.
// China has no daylight saving time, so UTC+8 is exact and no time-zone library is needed.

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The day number of `now` as seen on a wall clock in Asia/Shanghai. */
export function shanghaiDay(now: Date): number {
  const ms = now.getTime();
  // An invalid Date would poison every later computation; fall back to the epoch day rather than NaN.
  if (!Number.isFinite(ms)) return 0;
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

export function dayFromYmd(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function ymd(dayNumber: number): { year: number; month: number; day: number } {
  const d = new Date(dayNumber * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isoDate(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export function weekdayOf(dayNumber: number): number {
  // Day 0 (1970-01-01) was a Thursday.
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

export function mondayOf(dayNumber: number): number {
  return dayNumber - (weekdayOf(dayNumber) - 1);
}

/** Last day of the month `month` (1–12, may overflow into the next year) of `year`. */
export function monthEnd(year: number, month: number): number {
  return dayFromYmd(year, month + 1, 0);
}

export function isValidMonthDay(month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // 2024 is a leap year, so 2月29日 is accepted here and clamped by Date.UTC later.
  return day <= ymd(monthEnd(2024, month)).day;
}

/** Add calendar months, clamping the day to the target month's length. */
export function addMonths(dayNumber: number, months: number): number {
  const { year, month, day } = ymd(dayNumber);
  const end = ymd(monthEnd(year, month + months)).day;
  return dayFromYmd(year, month + months, Math.min(day, end));
}
