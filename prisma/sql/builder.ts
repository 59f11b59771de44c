// Statements are built and compiled by Kysely, then run by the synchronous connection of
// prisma/direct-sql.ts: Kysely here never connects to anything (its DummyDriver), `.compile()` only
// turns a typed query into SQL text and parameters. A PostgreSQL twin compiles the same builders with
// PostgresQueryCompiler.
import {
  type Compilable,
  type CompiledQuery,
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from "kysely";
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

/** A value a prepared statement binds. */
export type Bound = string | number | null;

class Placeholder {
  constructor(readonly index: number) {}
}

/**
 * A statement of fixed shape, built and compiled once: later calls only bind their arguments (building
 * and compiling costs tens of microseconds, about as much as running the statement). Every argument
 * must reach the query as a bound value, unchanged: `build` runs once, with placeholders.
 */
export function prepared<Args extends Bound[], Row>(
  build: (...args: Args) => Compilable<Row>,
): (...args: Args) => Compilable<Row> {
  let compiled: CompiledQuery<Row> | undefined;
  return (...args) => {
    if (!compiled) {
      const placeholders = args.map((_, index) => new Placeholder(index)) as unknown as Args;
      compiled = build(...placeholders).compile();
      const used = new Set(compiled.parameters.filter((value) => value instanceof Placeholder));
      if (used.size !== args.length)
        throw new Error(`a prepared statement binds ${used.size} of ${args.length} arguments`);
    }
    const { parameters } = compiled;
    const query = compiled;
    return {
      compile: () => ({
        ...query,
        parameters: parameters.map((value) => (value instanceof Placeholder ? args[value.index] : value)),
      }),
    };
  };
}
