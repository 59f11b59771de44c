// The typed path's view of the schema (prisma/sql/tables.ts) agrees with schema.prisma: the tables, and
// the only defaults SQLite fills in itself.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { prepared, sqlite } from "../../prisma/sql/builder.ts";
import { numberedBySqlite } from "../../prisma/sql/tables.ts";

const schema = readFileSync(new URL("../../prisma/schema.prisma", import.meta.url), "utf8");
const models = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].map(([, name, body]) => ({
  name: String(name),
  body: String(body),
}));

describe("typed tables", () => {
  it("lists as autoincrement columns exactly those of the schema", () => {
    const numbered = Object.fromEntries(
      models.flatMap(({ name, body }) =>
        [...body.matchAll(/^\s+(\w+)\s+\w+.*@default\(autoincrement\(\)\)/gm)].map(([, field]) => [name, field]),
      ),
    );
    expect(numbered).toEqual(numberedBySqlite);
  });

  it("names tables and columns as the schema does (no @map)", () => {
    expect(schema).not.toMatch(/@@?map\(/);
    const compiled = sqlite.selectFrom("OutboundMessage").select(["id", "key"]).where("id", "=", "x").compile();
    expect(compiled.sql).toBe('select "id", "key" from "OutboundMessage" where "id" = ?');
  });

  it("compiles a prepared statement once and binds each call's own values", () => {
    const byKey = prepared((key: string, status: string) =>
      sqlite.selectFrom("OutboundMessage").select("id").where("key", "=", key).where("status", "=", status),
    );
    expect(byKey("a", "sent").compile().parameters).toEqual(["a", "sent"]);
    expect(byKey("b", "failed").compile()).toMatchObject({
      sql: 'select "id" from "OutboundMessage" where "key" = ? and "status" = ?',
      parameters: ["b", "failed"],
    });
    const unbound = prepared((_key: string) => sqlite.selectFrom("OutboundMessage").select("id"));
    expect(() => unbound("a")).toThrow("binds 0 of 1 arguments");
  });
});
