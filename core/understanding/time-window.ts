// The window of a request: one inclusive range of ISO dates in Asia/Shanghai, or null when no date is said.

import { dayNumberOf, isoDate } from "../calendar.ts";
import { scanDateTerms } from "./date-terms.ts";
import type { DateWindow } from "./types.ts";

/** How long a window that only says when it starts ("下周二之后", "from Monday") lasts. */
const OPEN_DAYS = 14;

/** Resolve every date expression of `text` against `now` and return the smallest window covering them all. */
export function extractWindow(text: string, now: Date): DateWindow | null {
  const today = dayNumberOf(now);
  const terms = scanDateTerms(text, today);
  if (terms.length === 0) return null;
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  const deadlineSaid = terms.some((term) => term.before);
  for (const term of terms) {
    // A deadline means "from now until then"; a deadline already passed still ends the window there.
    const start = term.before ? Math.min(today, term.deadline) : term.from;
    // "下周二之后都可以": from that day on, for the fortnight an open request stays in matching, unless a deadline
    // said with it ends the window.
    const end = term.before ? term.deadline : term.after && !deadlineSaid ? term.from + OPEN_DAYS - 1 : term.to;
    if (end < start) continue;
    from = Math.min(from, start);
    to = Math.max(to, end);
  }
  // "12月10号起，月底前": the deadline ends the window, the first day still starts it.
  const opens = terms.filter((term) => term.after).map((term) => term.from);
  if (deadlineSaid && opens.length > 0) from = Math.max(from, Math.min(...opens));
  if (!Number.isFinite(from) || !Number.isFinite(to)) return null;
  return { start: isoDate(from), end: isoDate(to) };
}
