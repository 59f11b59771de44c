// The typed path's view of the schema (prisma/sql/tables.ts) agrees with schema.prisma: the tables, and
// the only defaults SQLite fills in itself.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sqlite } from "../../prisma/sql/builder.ts";
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
});
