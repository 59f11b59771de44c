// The programme's one calendar: days, weeks, months and years in Asia/Shanghai. China keeps no daylight
// saving time, so a fixed UTC+8 offset is exact and no time-zone database is needed.
// A day is written two ways: an ISO date ("2026-11-23") for storage and display, and a day number (days
// since 1970-01-01) for arithmetic in the parser.

/** The IANA name, for libraries that take one (BullMQ's repeat patterns). */
export const timeZone = "Asia/Shanghai";

const dayMs = 86_400_000;
const shanghaiOffsetMs = 8 * 3_600_000;

export interface TimeRange {
  from: Date;
  /** Exclusive. */
  to: Date;
}

function local(moment: Date): string {
  return new Date(moment.getTime() + shanghaiOffsetMs).toISOString();
}

/** "2026-11-23" for a moment, in Asia/Shanghai. */
export function dayOf(moment: Date): string {
  return local(moment).slice(0, 10);
}

/** "2026-11" for a moment, in Asia/Shanghai. */
export function monthOf(moment: Date): string {
  return local(moment).slice(0, 7);
}

/** MM-DD HH:MM in Asia/Shanghai, short enough for a phone. */
export function shortTime(moment: Date): string {
  return local(moment).slice(5, 16).replace("T", " ");
}

/** MM-DD in Asia/Shanghai. */
export function shortDay(moment: Date): string {
  return local(moment).slice(5, 10);
}

/** The instant of a local day ("2026-11-23") and clock time ("09:00") in Asia/Shanghai. */
export function localTime(day: string, clock: string): Date {
  return new Date(`${day}T${clock}:00+08:00`);
}

/** A real calendar day written YYYY-MM-DD (months and days may have one digit), or null. */
export function parseDay(text: string): string | null {
  const found = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!found) return null;
  const day = `${found[1]}-${found[2]?.padStart(2, "0")}-${found[3]?.padStart(2, "0")}`;
  const parsed = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day ? null : day;
}

/** The ISO date `days` after (or before) an ISO date. */
export function addDays(day: string, days: number): string {
  return isoDate(dayNumberOfDate(day) + days);
}

/** The instants a month ("2026-11") covers in Asia/Shanghai, or null when it is not a month. */
export function monthRange(month: string): TimeRange | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  return {
    from: new Date(Date.UTC(year, index, 1) - shanghaiOffsetMs),
    to: new Date(Date.UTC(year, index + 1, 1) - shanghaiOffsetMs),
  };
}

/** The first instant of the calendar month a moment falls in, in Asia/Shanghai. */
export function monthStart(moment: Date): Date {
  const [year, month] = monthOf(moment).split("-").map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, 1) - shanghaiOffsetMs);
}

/** The calendar year a moment falls in, in Asia/Shanghai. */
export function yearRange(moment: Date): TimeRange {
  const year = Number(monthOf(moment).slice(0, 4));
  return {
    from: new Date(Date.UTC(year, 0, 1) - shanghaiOffsetMs),
    to: new Date(Date.UTC(year + 1, 0, 1) - shanghaiOffsetMs),
  };
}

/** The day number of a moment as seen on a wall clock in Asia/Shanghai. */
export function dayNumberOf(moment: Date | number): number {
  const ms = typeof moment === "number" ? moment : moment.getTime();
  // An invalid Date would poison every later computation; fall back to the epoch day rather than NaN.
  if (!Number.isFinite(ms)) return 0;
  return Math.floor((ms + shanghaiOffsetMs) / dayMs);
}

/** The first instant of a day number in Asia/Shanghai. */
export function startOfDay(dayNumber: number): Date {
  return new Date(dayNumber * dayMs - shanghaiOffsetMs);
}

/** The day number of an ISO date ("2026-11-23"). */
export function dayNumberOfDate(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / dayMs);
}

export function dayFromYmd(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / dayMs);
}

export function ymd(dayNumber: number): { year: number; month: number; day: number } {
  const d = new Date(dayNumber * dayMs);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** "2026-11-23" of a day number. */
export function isoDate(dayNumber: number): string {
  return new Date(dayNumber * dayMs).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday, of a day number or an ISO date. */
export function weekdayOf(day: number | string): number {
  const dayNumber = typeof day === "string" ? dayNumberOfDate(day) : day;
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
  // 2024 is a leap year, so February 29 is accepted here and clamped by Date.UTC later.
  return day <= ymd(monthEnd(2024, month)).day;
}

/** Add calendar months, clamping the day to the target month's length. */
export function addMonths(dayNumber: number, months: number): number {
  const { year, month, day } = ymd(dayNumber);
  const end = ymd(monthEnd(year, month + months)).day;
  return dayFromYmd(year, month + months, Math.min(day, end));
}
