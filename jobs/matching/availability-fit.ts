// Whether an expert's slots fall in a request's window (Asia/Shanghai dates). Availability only
// raises a score; no slots never excludes anyone.
import { addDays, dayOf, weekdayOf } from "../../core/calendar.ts";
import type { AvailabilitySlot, DateWindow } from "../../core/understanding/types.ts";

/**
 * The first date in the window (clipped to start no earlier than today) on which a slot is open,
 * or null. Windows longer than 62 days are looked at for their first 62 days only.
 */
export function firstAvailableDate(slots: readonly AvailabilitySlot[], window: DateWindow, now: Date): string | null {
  if (slots.length === 0) return null;
  const today = dayOf(now);
  // ISO dates compare as strings.
  let date = [window.start, today].sort()[1] ?? today;
  for (let i = 0; i < 62 && date <= window.end; i++, date = addDays(date, 1)) {
    const weekday = weekdayOf(date);
    for (const slot of slots) {
      if (slot.endMinute <= slot.startMinute) continue;
      if (slot.date === date || (slot.date === null && slot.weekday === weekday)) return date;
    }
  }
  return null;
}

/**
 * Whether the expert said they are away on every day of the window still to come (clipped to start today,
 * its first 62 days); a request without a window is wanted now, so today decides.
 */
export function awayThroughout(away: readonly DateWindow[], window: DateWindow | null, now: Date): boolean {
  if (away.length === 0) return false;
  const today = dayOf(now);
  const start = window ? ([window.start, today].sort()[1] ?? today) : today;
  const end = window ? window.end : today;
  if (start > end) return false;
  let date = start;
  for (let i = 0; i < 62 && date <= end; i++, date = addDays(date, 1)) {
    const day = date;
    if (!away.some((taken) => taken.start <= day && day <= taken.end)) return false;
  }
  return true;
}

/** The window of the next `days` days from now. */
export function nextDays(now: Date, days: number): DateWindow {
  const start = dayOf(now);
  return { start, end: addDays(start, days - 1) };
}
