// An expert's stated availability: the slots they said, read for their card and replaced when they restate.
import type { Db } from "./client.ts";
import type { Availability } from "./generated/client.ts";

export type { Availability };

/**
 * The mode of a row that marks days away (出差, 请假) rather than a free slot: `date` is the first day away,
 * `validUntil` the last, the whole day. Kept beside the slots so that a new statement of free time keeps them.
 */
export const awayMode = "unavailable";

/** Every stored free slot of the expert, by weekday, date and start. */
export function availabilityOf(db: Db, expertId: string): Promise<Availability[]> {
  return db.availability.findMany({
    where: { expertId, mode: { not: awayMode } },
    orderBy: [{ weekday: "asc" }, { date: "asc" }, { startMinute: "asc" }],
  });
}

/** Days the expert said they are away, not yet over (last day on or after `today`), earliest first. */
export async function awayWindowsOf(
  db: Db,
  expertId: string,
  today: string,
): Promise<{ start: string; end: string }[]> {
  const rows = await db.availability.findMany({
    where: { expertId, mode: awayMode, validUntil: { gte: today } },
    orderBy: { date: "asc" },
  });
  return rows.map((row) => ({ start: row.date ?? today, end: row.validUntil ?? today }));
}

/** Adds days away (each window first to last day, inclusive); an identical window already stored is kept once. */
export async function addAwayWindows(
  db: Db,
  expertId: string,
  windows: readonly { start: string; end: string }[],
  sourceText: string,
): Promise<void> {
  await db.$transaction([
    ...windows.map((window) =>
      db.availability.deleteMany({ where: { expertId, mode: awayMode, date: window.start, validUntil: window.end } }),
    ),
    db.availability.createMany({
      data: windows.map((window) => ({
        expertId,
        weekday: null,
        date: window.start,
        validUntil: window.end,
        startMinute: 0,
        endMinute: 24 * 60,
        mode: awayMode,
        sourceText,
      })),
    }),
  ]);
}

/** Pauses the expert until `until` (null: until they resume), or resumes them (paused false clears the end). */
export async function setExpertPause(db: Db, expertId: string, paused: boolean, until: Date | null): Promise<void> {
  await db.expert.update({ where: { id: expertId }, data: { paused, pausedUntil: paused ? until : null } });
}

export type NewSlot = Pick<Availability, "weekday" | "date" | "startMinute" | "endMinute">;

export interface AvailabilityStatement {
  slots: readonly NewSlot[];
  mode: string;
  validUntil: string | null;
  sourceText: string;
  /** Cities the expert named with the slots; none leaves their cities as they were. */
  cities: readonly string[];
}

/**
 * Replaces the expert's slots with a new statement in one transaction, and takes them off pause;
 * a remote-only statement also marks them able to help remotely.
 */
export async function replaceAvailability(db: Db, expertId: string, statement: AvailabilityStatement): Promise<void> {
  const { slots, mode, validUntil, sourceText, cities } = statement;
  await db.$transaction([
    db.availability.deleteMany({ where: { expertId, mode: { not: awayMode } } }),
    db.availability.createMany({
      data: slots.map((slot) => ({
        expertId,
        weekday: slot.weekday,
        date: slot.date,
        startMinute: slot.startMinute,
        endMinute: slot.endMinute,
        mode,
        validUntil,
        sourceText,
      })),
    }),
    db.expert.update({
      where: { id: expertId },
      data: {
        paused: false,
        pausedUntil: null,
        ...(mode === "remote" ? { canRemote: true } : {}),
        ...(cities.length ? { cities: JSON.stringify(cities) } : {}),
      },
    }),
  ]);
}
