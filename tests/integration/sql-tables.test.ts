// The typed path's view of the schema (prisma/sql/tables.ts) agrees with schema.prisma: the tables, and
// the only defaults SQLite fills in itself.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builder, compileFor, prepared } from "../../prisma/sql/builder.ts";
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
    const query = builder.selectFrom("OutboundMessage").select(["id", "key"]).where("id", "=", "x");
    expect(compileFor(query, "sqlite").sql).toBe('select "id", "key" from "OutboundMessage" where "id" = ?');
    expect(compileFor(query, "postgres").sql).toBe('select "id", "key" from "OutboundMessage" where "id" = $1');
  });

  it("compiles a prepared statement once and binds each call's own values", () => {
    const byKey = prepared((key: string, status: string) =>
      builder.selectFrom("OutboundMessage").select("id").where("key", "=", key).where("status", "=", status),
    );
    expect(byKey("a", "sent").compileFor("sqlite").parameters).toEqual(["a", "sent"]);
    expect(byKey("b", "failed").compileFor("sqlite")).toMatchObject({
      sql: 'select "id" from "OutboundMessage" where "key" = ? and "status" = ?',
      parameters: ["b", "failed"],
    });
    expect(byKey("c", "sent").compileFor("postgres")).toMatchObject({
      sql: 'select "id" from "OutboundMessage" where "key" = $1 and "status" = $2',
      parameters: ["c", "sent"],
    });
    const unbound = prepared((_key: string) => builder.selectFrom("OutboundMessage").select("id"));
    expect(() => unbound("a").compileFor("sqlite")).toThrow("binds 0 of 1 arguments");
  });
});
