// Statements are built and compiled by Kysely, then run by the synchronous connection of
// prisma/direct-sql.ts: Kysely here never connects to anything (its DummyDriver), `.compile()` only
// turns a typed query into SQL text and parameters. A PostgreSQL twin compiles the same builders with
// PostgresQueryCompiler.
import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from "kysely";
import type { Database } from "./tables.ts";

/** The typed query builder for SQLite. Build a statement with it and hand it to `directSql(db).first/many/run`. */
export const sqlite = new Kysely<Database>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});
