// The window of a request: one inclusive range of ISO dates in Asia/Shanghai, or null when no date is said.

import { dayNumberOf, isoDate } from "../calendar.ts";
import { scanDateTerms } from "./date-terms.ts";
import type { DateWindow } from "./types.ts";

/** Resolve every date expression of `text` against `now` and return the smallest window covering them all. */
export function extractWindow(text: string, now: Date): DateWindow | null {
  const today = dayNumberOf(now);
  const terms = scanDateTerms(text, today);
  if (terms.length === 0) return null;
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const term of terms) {
    // A deadline means "from now until then"; a deadline already passed still ends the window there.
    const start = term.before ? Math.min(today, term.deadline) : term.from;
    const end = term.before ? term.deadline : term.to;
    if (end < start) continue;
    from = Math.min(from, start);
    to = Math.max(to, end);
  }
  if (!Number.isFinite(from) || !Number.isFinite(to)) return null;
  return { start: isoDate(from), end: isoDate(to) };
}
