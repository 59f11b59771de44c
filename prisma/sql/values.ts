// How Prisma stores ids, dates and booleans in SQLite, in one place: the typed path (prisma/sql/) writes
// and reads rows exactly as Prisma does, so either side reads the other's rows.
import { randomBytes } from "node:crypto";

/** A date as Prisma stores it in SQLite: ISO 8601 with `+00:00` instead of `Z`. */
export function sqlDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

/** A stored date back as a Date (Prisma's own text, or SQLite's `CURRENT_TIMESTAMP` shape). */
export function fromSqlDate(stored: string): Date {
  return new Date(stored.includes("T") ? stored : `${stored.replace(" ", "T")}Z`);
}

/** A boolean as Prisma stores it in SQLite. */
export function sqlBool(value: boolean): number {
  return value ? 1 : 0;
}

export function fromSqlBool(stored: number | bigint): boolean {
  return Number(stored) !== 0;
}

// Starts low so that a burst of ids never wraps the counter within one millisecond.
let idCounter = Math.floor(Math.random() * 839_808);

/** A new primary key shaped like Prisma's cuid(): `c`, time, counter, randomness, so ids still sort by time. */
export function newId(): string {
  idCounter = (idCounter + 1) % 1_679_616;
  const time = Date.now().toString(36).padStart(8, "0");
  const counter = idCounter.toString(36).padStart(4, "0");
  const random = BigInt(`0x${randomBytes(8).toString("hex")}`)
    .toString(36)
    .padStart(13, "0")
    .slice(0, 12);
  return `c${time}${counter}${random}`;
}
