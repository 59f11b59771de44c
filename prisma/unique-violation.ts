// "A row with that key exists", whichever way the error came: Prisma's P2002, SQLite's or PostgreSQL's own code.

/** True when a write failed on a UNIQUE constraint. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === "P2002" ||
    code === "SQLITE_CONSTRAINT_UNIQUE" ||
    code === "23505" ||
    /unique constraint/i.test(String(error))
  );
}
