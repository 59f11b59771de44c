// Days and times of the digest, in Asia/Shanghai. China keeps no daylight saving time, so a fixed
// +08:00 offset is exact and needs no time-zone database.

const offsetMs = 8 * 3600 * 1000;
const dayMs = 24 * 3600 * 1000;

/** What one digest covers: [start, end). */
export interface DigestPeriod {
  /** The digest's day, YYYY-MM-DD in Asia/Shanghai. */
  day: string;
  start: Date;
  end: Date;
  /** The 7 days that end with `end`, for the chart and the Monday summary. */
  weekStart: Date;
  /** True when the digest describes the present (waiting requests are read as they are now). */
  live: boolean;
}

/** YYYY-MM-DD of an instant in Asia/Shanghai. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + offsetMs).toISOString().slice(0, 10);
}

/** The instant of a local day and HH:MM in Asia/Shanghai. */
export function shanghaiTime(day: string, clock: string): Date {
  return new Date(`${day}T${clock}:00+08:00`);
}

/** 1 = Monday … 7 = Sunday. */
export function weekdayOf(day: string): number {
  const weekday = new Date(`${day}T12:00:00+08:00`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** A real calendar day written YYYY-MM-DD, or null. */
export function parseDay(text: string): string | null {
  const found = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!found) return null;
  const day = `${found[1]}-${found[2]?.padStart(2, "0")}-${found[3]?.padStart(2, "0")}`;
  const parsed = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day ? null : day;
}

function withWeek(day: string, start: Date, end: Date, live: boolean): DigestPeriod {
  return { day, start, end, weekStart: new Date(end.getTime() - 7 * dayMs), live };
}

/**
 * The period of a digest sent now: since the person's last digest (at most a week back, at least the
 * usual day), up to now.
 */
export function livePeriod(now: Date, lastSentAt: Date | null): DigestPeriod {
  const dayBefore = now.getTime() - dayMs;
  const weekBefore = now.getTime() - 7 * dayMs;
  const since = lastSentAt && lastSentAt.getTime() < now.getTime() ? lastSentAt.getTime() : dayBefore;
  return withWeek(shanghaiDay(now), new Date(Math.max(since, weekBefore)), now, true);
}

/**
 * The period of the daily digest of `day`: from the reader's previous daily digest (`lastDay`; at most a
 * week back, the day before when there was none) to that day's digest time, or to `now` when sent
 * before it. Every reader who got yesterday's digest reads the same period, so they share its figures.
 */
export function dailyPeriod(day: string, clock: string, lastDay: string | null, now: Date): DigestPeriod {
  const end = Math.min(shanghaiTime(day, clock).getTime(), now.getTime());
  const since = lastDay ? shanghaiTime(lastDay, clock).getTime() : end - dayMs;
  const start = Math.max(since < end ? since : end - dayMs, end - 7 * dayMs);
  return withWeek(day, new Date(start), new Date(end), true);
}

/** The period of a past day's digest: the 24 hours up to that day's digest time. */
export function pastPeriod(day: string, clock: string): DigestPeriod {
  const end = shanghaiTime(day, clock);
  return withWeek(day, new Date(end.getTime() - dayMs), end, false);
}

/** MM-DD HH:MM in Asia/Shanghai, short enough for a phone. */
export function shortTime(at: Date): string {
  return new Date(at.getTime() + offsetMs).toISOString().slice(5, 16).replace("T", " ");
}

/** MM-DD in Asia/Shanghai. */
export function shortDay(at: Date): string {
  return new Date(at.getTime() + offsetMs).toISOString().slice(5, 10);
}
