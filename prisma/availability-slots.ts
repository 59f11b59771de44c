// An expert's stated availability: the slots they said, read for their card and replaced when they restate.
import type { Db } from "./client.ts";
import type { Availability } from "./generated/client.ts";

export type { Availability };

/** Every stored slot of the expert, by weekday, date and start. */
export function availabilityOf(db: Db, expertId: string): Promise<Availability[]> {
  return db.availability.findMany({
    where: { expertId },
    orderBy: [{ weekday: "asc" }, { date: "asc" }, { startMinute: "asc" }],
  });
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
    db.availability.deleteMany({ where: { expertId } }),
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
        ...(mode === "remote" ? { canRemote: true } : {}),
        ...(cities.length ? { cities: JSON.stringify(cities) } : {}),
      },
    }),
  ]);
}
