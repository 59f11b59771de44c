// "A row with that key exists", whichever way the error came: Prisma's P2002 or SQLite's own code.

/** True when a write failed on a UNIQUE constraint. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "P2002" || code === "SQLITE_CONSTRAINT_UNIQUE" || /unique constraint/i.test(String(error));
}
