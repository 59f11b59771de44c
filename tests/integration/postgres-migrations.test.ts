// The committed PostgreSQL migrations build exactly the schema prisma/schema.prisma describes: a model or
// field added to the schema without a PostgreSQL migration beside the SQLite one fails here.
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { postgresSchema, postgresSchemaPath, writePostgresSchema } from "../../prisma/postgres/derive-schema.ts";
import { applyPostgresMigrations } from "../../prisma/postgres/migrate.ts";
import { postgresMissing, postgresTestDatabaseUrl } from "../support/test-database.ts";

// Runs in every run where a PostgreSQL answers (npm test on a machine with one, and npm run test:postgres).
const missing = await postgresMissing();

const run = promisify(execFile);

/** Every table, column, index and constraint of a database, as text to compare. */
async function catalog(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await client.query<{ line: string }>(`
      SELECT concat_ws(' ', 'column', table_name, column_name, data_type, is_nullable, column_default) AS line
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
      UNION ALL SELECT concat_ws(' ', 'index', indexdef) FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
      UNION ALL SELECT concat_ws(' ', 'constraint', conrelid::regclass::text, conname, pg_get_constraintdef(oid))
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace
          AND conrelid::regclass::text <> '_prisma_migrations'`);
    return rows.rows.map((row) => row.line).sort();
  } finally {
    await client.end();
  }
}

describe.skipIf(missing !== null)(`the PostgreSQL migrations${missing ? ` (skipped: ${missing})` : ""}`, () => {
  it("build the schema that prisma/schema.prisma describes, and apply once however many processes start", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "craftbridge-pg-"));
    const migrated = postgresTestDatabaseUrl(dir, "migrated.db");
    const applied = await Promise.all([applyPostgresMigrations(migrated), applyPostgresMigrations(migrated)]);
    expect(applied.flat().length).toBeGreaterThan(0);
    expect(new Set(applied.flat()).size).toBe(applied.flat().length);

    // The schema as it stands, straight from schema.prisma's twin, into a database of its own.
    writePostgresSchema();
    const { stdout: script } = await run(
      "npx",
      ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", postgresSchemaPath, "--script"],
      { cwd: path.resolve(import.meta.dirname, "../..") },
    );
    const current = postgresTestDatabaseUrl(dir, "current.db");
    await applyPostgresMigrations(current, mkdtempSync(path.join(tmpdir(), "craftbridge-pg-none-")));
    const client = new pg.Client({ connectionString: current });
    await client.connect();
    await client.query(script).finally(() => client.end());

    expect(await catalog(migrated)).toEqual(await catalog(current));
  });
});

describe("the PostgreSQL twin of the schema", () => {
  it("is the same models with the provider and the client's folder swapped", () => {
    const twin = postgresSchema(
      'generator client {\n  output = "./generated"\n}\n\ndatasource db {\n  provider = "sqlite"\n  url = "file:x.db"\n}\n\nmodel A {\n  id Int @id\n}\n',
    );
    expect(twin).toContain('provider = "postgresql"');
    expect(twin).toContain('output = "generated"');
    expect(twin).toContain("model A {\n  id Int @id\n}");
    expect(twin).not.toContain("sqlite");
  });
});
