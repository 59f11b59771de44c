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

/** The window of the next `days` days from now. */
export function nextDays(now: Date, days: number): DateWindow {
  const start = dayOf(now);
  return { start, end: addDays(start, days - 1) };
}
