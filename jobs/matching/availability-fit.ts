// Whether an expert's slots fall in a request's window (Asia/Shanghai dates). Availability only
// raises a score; no slots never excludes anyone.
import type { AvailabilitySlot, DateWindow } from "../../core/understanding/types.ts";

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** YYYY-MM-DD of an instant in Asia/Shanghai (no daylight saving, fixed +08:00). */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday of a YYYY-MM-DD date. */
function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * The first date in the window (clipped to start no earlier than today) on which a slot is open,
 * or null. Windows longer than 62 days are looked at for their first 62 days only.
 */
export function firstAvailableDate(slots: readonly AvailabilitySlot[], window: DateWindow, now: Date): string | null {
  if (slots.length === 0) return null;
  const today = shanghaiDate(now);
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
  const start = shanghaiDate(now);
  return { start, end: addDays(start, days - 1) };
}
