// The periods a digest covers, on the programme's calendar (Asia/Shanghai).
import { dayOf, localTime } from "../../core/calendar.ts";

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
  return withWeek(dayOf(now), new Date(Math.max(since, weekBefore)), now, true);
}

/**
 * The period of the daily digest of `day`: from the reader's previous daily digest (`lastDay`; at most a
 * week back, the day before when there was none) to that day's digest time, or to `now` when sent
 * before it. Every reader who got yesterday's digest reads the same period, so they share its figures.
 */
export function dailyPeriod(day: string, clock: string, lastDay: string | null, now: Date): DigestPeriod {
  const end = Math.min(localTime(day, clock).getTime(), now.getTime());
  const since = lastDay ? localTime(lastDay, clock).getTime() : end - dayMs;
  const start = Math.max(since < end ? since : end - dayMs, end - 7 * dayMs);
  return withWeek(day, new Date(start), new Date(end), true);
}

/** The period of a past day's digest: the 24 hours up to that day's digest time. */
export function pastPeriod(day: string, clock: string): DigestPeriod {
  const end = localTime(day, clock);
  return withWeek(day, new Date(end.getTime() - dayMs), end, false);
}
