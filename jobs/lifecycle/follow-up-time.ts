// When to ask both sides whether the problem was solved.
import { localTime } from "../../core/calendar.ts";

const dayMs = 24 * 3600 * 1000;

/** The day after the request's window ends (10:00 Asia/Shanghai), or FOLLOW_UP_DAYS after the introduction. */
export function followUpAt(introducedAt: Date, windowEnd: string | null, followUpDays: number): Date {
  const afterIntroduction = introducedAt.getTime() + followUpDays * dayMs;
  const afterWindow = windowEnd ? localTime(windowEnd, "10:00").getTime() + dayMs : Number.NaN;
  return new Date(
    Number.isNaN(afterWindow) ? afterIntroduction : Math.max(afterWindow, introducedAt.getTime() + dayMs),
  );
}
