import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readRosterFile } from "../../core/roster/read-roster-file.ts";
import type { RosterRow } from "../../core/roster/roster-types.ts";
import type { Db } from "../../prisma/client.ts";
import { exportRoster } from "../../prisma/roster/export-roster.ts";
import { importRoster } from "../../prisma/roster/import-roster.ts";
import { tempDir, writeCsv } from "./roster-files.ts";
import { freshDatabase } from "./test-db.ts";

const roster = [
  "id,name,honours,employer,title,city,team,skills,achievements,modes,phone,district,cities",
  'E1,李明,全国劳动模范;南粤工匠,东莞精工有限公司,高级技师,东莞,精密制造,数控加工;薄壁件加工,"解决薄壁件变形，良率提升到98%, 获""金点子""奖",现场,13900001111,长安镇,深圳;惠州',
  "E2,王芳,大国工匠,深圳通信公司,首席技师,深圳,5G技术,5G网络优化,优化基站300个,远程,0755-26001234,,",
  'E3,"=HYPERLINK(""http://evil"",""点我"")",,@SUM(A1),,广州,,,-1+1,现场、远程,,,',
];

const withoutRow = ({ row: _row, ...rest }: RosterRow) => rest;

let db: Db | undefined;
afterEach(async () => {
  await db?.$disconnect();
  db = undefined;
});

describe("exporting the roster", () => {
  for (const [extension, language] of [
    ["csv", "en"],
    ["xlsx", "en"],
    ["csv", "zh"],
    ["xlsx", "zh"],
  ] as const) {
    it(`gives back the same experts from ${extension} with ${language} headers`, async () => {
      db = await freshDatabase();
      const dir = tempDir();
      const original = await readRosterFile(writeCsv(dir, "in.csv", roster));
      await importRoster(db, original.rows);

      const file = path.join(dir, `out.${extension}`);
      expect(await exportRoster(db, file, { language })).toBe(3);
      const again = await readRosterFile(file);
      expect(again.rejected).toEqual([]);

      const [li, wang, evil] = again.rows.map(withoutRow);
      expect(li).toEqual(withoutRow(original.rows[0] as RosterRow));
      expect(wang).toEqual(withoutRow(original.rows[1] as RosterRow));
      expect(evil).toMatchObject({
        name: `'=HYPERLINK("http://evil","点我")`,
        employer: "'@SUM(A1)",
        achievements: "'-1+1",
      });
    });
  }

  it("writes the Chinese headers and team names when asked, with a BOM so Excel reads UTF-8", async () => {
    db = await freshDatabase();
    const dir = tempDir();
    await importRoster(db, (await readRosterFile(writeCsv(dir, "in.csv", roster))).rows);
    const file = path.join(dir, "out.csv");
    await exportRoster(db, file, { language: "zh" });
    const [header, first] = readFileSync(file, "utf8").split("\r\n");
    expect(header).toBe(
      "\uFEFF编号,姓名,荣誉称号,工作单位,职务,城市,服务队,技能专长,主要业绩,服务方式,联系电话,区县,可服务城市",
    );
    expect(first).toContain(",精密制造,数控加工、薄壁件加工,");
  });

  it("leaves demo experts out unless asked", async () => {
    db = await freshDatabase();
    const dir = tempDir();
    await importRoster(db, (await readRosterFile(writeCsv(dir, "in.csv", roster))).rows, { isDemo: true });
    expect(await exportRoster(db, path.join(dir, "a.csv"))).toBe(0);
    expect(await exportRoster(db, path.join(dir, "b.csv"), { includeDemo: true })).toBe(3);
  });
});
