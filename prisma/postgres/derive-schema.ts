// The PostgreSQL twin of prisma/schema.prisma, derived, never kept by hand: the same models with the
// provider swapped and the client written to prisma/postgres/generated. `npm install` (postinstall)
// writes it and generates its client; tests/integration/postgres-migrations.test.ts fails when the
// committed PostgreSQL migrations no longer build the schema it describes.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

export const sqliteSchemaPath = path.join(here, "..", "schema.prisma");
export const postgresSchemaPath = path.join(here, "schema.prisma");

/** The twin's text: the datasource and the generator's output are the only differences. */
export function postgresSchema(sqlite: string): string {
  const swapped = sqlite
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/(datasource db \{[^}]*url\s*=\s*)"[^"]*"/, '$1"postgresql://postgres@127.0.0.1:5432/craftbridge"')
    .replace(/(generator client \{[^}]*output\s*=\s*)"[^"]*"/, '$1"generated"');
  if (!swapped.includes('provider = "postgresql"') || !swapped.includes('"generated"')) {
    throw new Error("prisma/schema.prisma: no sqlite datasource or client generator to derive a PostgreSQL twin from");
  }
  const header =
    "// Derived from prisma/schema.prisma by prisma/postgres/derive-schema.ts: edit that file, not this one.\n";
  return header + swapped;
}

/** Writes the twin beside this file; returns its path. */
export function writePostgresSchema(): string {
  writeFileSync(postgresSchemaPath, postgresSchema(readFileSync(sqliteSchemaPath, "utf8")));
  return postgresSchemaPath;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`PostgreSQL schema written to ${path.relative(process.cwd(), writePostgresSchema())}`);
}
