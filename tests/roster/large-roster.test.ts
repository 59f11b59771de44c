// A province-sized roster: 10,000 rows read and imported in one go, then re-imported with changes.
import { afterEach, describe, expect, it } from "vitest";
import { readRosterFile } from "../../core/roster/read-roster-file.ts";
import type { Db } from "../../prisma/client.ts";
import { importRoster } from "../../prisma/roster/import-roster.ts";
import { tempDir, writeCsv } from "./roster-files.ts";
import { freshDatabase } from "./test-db.ts";

const cities = ["广州", "深圳", "东莞", "佛山", "珠海", "中山", "惠州", "江门", "肇庆", "汕头", "湛江", "韶关"];
const skills = ["数控加工", "焊接", "精密模具", "SMT贴片工艺", "动车组检修", "5G网络优化", "碳核算", "水稻育种"];

function roster(size: number, titleOf: (index: number) => string): string[] {
  const lines = ["编号,姓名,荣誉称号,工作单位,职务,城市,服务队,技能专长,主要业绩,服务方式,联系电话"];
  for (let i = 1; i <= size; i++) {
    const id = `X${String(i).padStart(5, "0")}`;
    lines.push(
      [
        id,
        `专家${i}`,
        "南粤工匠",
        `示例公司${i % 97}`,
        titleOf(i),
        cities[i % cities.length],
        "精密制造",
        `${skills[i % skills.length]}；${skills[(i + 3) % skills.length]}`,
        "带徒多名",
        i % 3 ? "现场、远程" : "现场",
        `139${String(i).padStart(8, "0")}`,
      ].join(","),
    );
  }
  return lines;
}

let db: Db | undefined;
afterEach(async () => {
  await db?.$disconnect();
  db = undefined;
});

describe("a 10,000-row roster", () => {
  it("is imported whole, and a second file with changes updates exactly the changed rows", async () => {
    db = await freshDatabase();
    const dir = tempDir();
    const first = await readRosterFile(
      writeCsv(
        dir,
        "big.csv",
        roster(10_000, () => "高级技师"),
      ),
    );
    expect(first.rejected).toEqual([]);
    expect(first.rows).toHaveLength(10_000);
    expect(await importRoster(db, first.rows)).toEqual({ imported: 10_000, updated: 0, unchanged: 0 });

    const second = await readRosterFile(
      writeCsv(
        dir,
        "big2.csv",
        roster(10_000, (i) => (i % 10 === 0 ? "首席技师" : "高级技师")),
      ),
    );
    expect(await importRoster(db, second.rows)).toEqual({ imported: 0, updated: 1_000, unchanged: 9_000 });
    expect(await db.expert.count({ where: { title: "首席技师" } })).toBe(1_000);
  }, 120_000);
});
