// An expert's pause may have an end: paused means "said pause, and the end (if any) is still ahead".
// Computed where it is read, so no job has to lift a pause when its day passes.
import { addDays, dayNumberOfDate, dayOf, startOfDay } from "./calendar.ts";

/** Whether an expert is paused at `now`: the flag, unless its end has come. */
export function pausedAt(paused: boolean, pausedUntil: Date | null, now: Date): boolean {
  return paused && (pausedUntil === null || pausedUntil.getTime() > now.getTime());
}

/** The instant a pause whose last day is `lastDay` (YYYY-MM-DD, Asia/Shanghai) ends: the next day's start. */
export function pauseEndAfter(lastDay: string): Date {
  return startOfDay(dayNumberOfDate(lastDay) + 1);
}

/** The last paused day (YYYY-MM-DD, Asia/Shanghai) of a pause that ends at `end`. */
export function lastPausedDay(end: Date): string {
  return addDays(dayOf(end), -1);
}
