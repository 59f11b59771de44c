// Statements are built by Kysely and compiled per dialect, then run by the connection of
// prisma/direct-sql.ts (SQLite) or prisma/postgres/postgres-sql.ts (PostgreSQL): Kysely here never connects
// to anything (its DummyDriver). A statement is built once as Kysely's operation tree; each connection
// compiles that tree with its own dialect's compiler (identifiers quoted, `?` or `$1` placeholders).
import {
  type Compilable,
  type CompiledQuery,
  createQueryId,
  DummyDriver,
  Kysely,
  type OperationNodeSource,
  PostgresQueryCompiler,
  type QueryCompiler,
  type RootOperationNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from "kysely";
import type { Database } from "./tables.ts";

/** The SQL dialects a connection speaks. */
export type Dialect = "sqlite" | "postgres";

/** The typed query builder. Build a statement with it and hand it to `directSql(db).first/many/write`. */
export const builder = new Kysely<Database>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

const compilers: Record<Dialect, QueryCompiler> = {
  sqlite: new SqliteQueryCompiler(),
  postgres: new PostgresQueryCompiler(),
};

/** A statement of the typed builder, or a prepared one: anything a connection can compile for its dialect. */
export type Query<Row> = (Compilable<Row> & OperationNodeSource) | PreparedQuery<Row>;

/** A statement compiled once per dialect, with its arguments bound at each call. */
export interface PreparedQuery<Row> {
  compileFor(dialect: Dialect): CompiledQuery<Row>;
}

function isPrepared<Row>(query: Query<Row>): query is PreparedQuery<Row> {
  return "compileFor" in query;
}

function compileNode<Row>(node: RootOperationNode, dialect: Dialect): CompiledQuery<Row> {
  return compilers[dialect].compileQuery(node, createQueryId()) as CompiledQuery<Row>;
}

/** SQL text and parameters of a statement in `dialect`. */
export function compileFor<Row>(query: Query<Row>, dialect: Dialect): CompiledQuery<Row> {
  if (isPrepared(query)) return query.compileFor(dialect);
  return compileNode(query.toOperationNode() as RootOperationNode, dialect);
}

/** A value a prepared statement binds. */
export type Bound = string | number | null;

class Placeholder {
  constructor(readonly index: number) {}
}

/**
 * A statement of fixed shape, built once and compiled once per dialect: later calls only bind their
 * arguments (building and compiling costs tens of microseconds, about as much as running the statement).
 * Every argument must reach the query as a bound value, unchanged: `build` runs once, with placeholders.
 */
export function prepared<Args extends Bound[], Row>(
  build: (...args: Args) => Compilable<Row> & OperationNodeSource,
): (...args: Args) => PreparedQuery<Row> {
  let node: RootOperationNode | undefined;
  const compiled = new Map<Dialect, CompiledQuery<Row>>();
  const compiledFor = (dialect: Dialect, arity: number): CompiledQuery<Row> => {
    let query = compiled.get(dialect);
    if (!query) {
      if (!node) {
        const placeholders = Array.from({ length: arity }, (_, index) => new Placeholder(index)) as unknown as Args;
        node = build(...placeholders).toOperationNode() as RootOperationNode;
      }
      query = compileNode<Row>(node, dialect);
      const used = new Set(query.parameters.filter((value) => value instanceof Placeholder));
      if (used.size !== arity) throw new Error(`a prepared statement binds ${used.size} of ${arity} arguments`);
      compiled.set(dialect, query);
    }
    return query;
  };
  return (...args) => ({
    compileFor: (dialect) => {
      const query = compiledFor(dialect, args.length);
      return {
        ...query,
        parameters: query.parameters.map((value) => (value instanceof Placeholder ? args[value.index] : value)),
      };
    },
  });
}
