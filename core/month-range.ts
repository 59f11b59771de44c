// Calendar months and years as the programme counts them: in Asia/Shanghai (UTC+8, no daylight saving).

const shanghaiOffsetMs = 8 * 3600 * 1000;

export interface TimeRange {
  from: Date;
  /** Exclusive. */
  to: Date;
}

/** "2026-11" for a moment, in Asia/Shanghai. */
export function monthOf(moment: Date): string {
  return new Date(moment.getTime() + shanghaiOffsetMs).toISOString().slice(0, 7);
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

/** The calendar year a moment falls in, in Asia/Shanghai. */
export function yearRange(moment: Date): TimeRange {
  const year = Number(monthOf(moment).slice(0, 4));
  return {
    from: new Date(Date.UTC(year, 0, 1) - shanghaiOffsetMs),
    to: new Date(Date.UTC(year + 1, 0, 1) - shanghaiOffsetMs),
  };
}

/** "2026-11-23" for a moment, in Asia/Shanghai. */
export function dayOf(moment: Date): string {
  return new Date(moment.getTime() + shanghaiOffsetMs).toISOString().slice(0, 10);
}
