import { afterEach, describe, expect, it } from "vitest";
import { RosterError, readRosterFile } from "../../core/roster/read-roster-file.ts";
import type { RosterRow } from "../../core/roster/roster-types.ts";
import type { Db } from "../../prisma/client.ts";
import { ensureServiceTeams, importRoster } from "../../prisma/roster/import-roster.ts";
import { tempDir, writeCsv } from "./roster-files.ts";
import { freshDatabase } from "./test-db.ts";

const header = "id,name,honours,employer,title,city,team,skills,achievements,modes,phone";
const roster = [
  header,
  "E1,李明,全国劳动模范;南粤工匠,东莞精工有限公司,高级技师,东莞,精密制造,数控加工;薄壁件加工,良率提升到98%,现场,13900001111",
  "E2,王芳,大国工匠,深圳通信公司,首席技师,深圳,5G技术,5G网络优化,优化基站300个,远程,",
  "E3,周强,中华技能大奖,佛山机械厂,总工程师,佛山,智能机器人,焊接,带徒40人,现场、远程,13900003333",
];

let db: Db | undefined;
afterEach(async () => {
  await db?.$disconnect();
  db = undefined;
});

describe("importing a roster", () => {
  it("creates experts with lists as JSON, then counts updated and unchanged on a second import", async () => {
    db = await freshDatabase();
    const dir = tempDir();
    const first = await readRosterFile(writeCsv(dir, "v1.csv", roster));
    expect(await importRoster(db, first.rows)).toEqual({ imported: 3, updated: 0, unchanged: 0 });

    const li = await db.expert.findUniqueOrThrow({ where: { externalId: "E1" } });
    expect(JSON.parse(li.skills)).toEqual(["数控加工", "薄壁件加工"]);
    expect(JSON.parse(li.honours)).toEqual(["全国劳动模范", "南粤工匠"]);
    expect(li).toMatchObject({ teamKey: "precision_manufacturing", city: "东莞", canRemote: false, isDemo: false });

    const changed = roster.map((line) => line.replace("E2,王芳,大国工匠", "E2,王芳,大国工匠;全国劳动模范"));
    const second = await readRosterFile(writeCsv(dir, "v2.csv", [...changed, "E4,赵新,,,,广州,,,,远程,"]));
    expect(await importRoster(db, second.rows)).toEqual({ imported: 1, updated: 1, unchanged: 2 });
    const wang = await db.expert.findUniqueOrThrow({ where: { externalId: "E2" } });
    expect(JSON.parse(wang.honours)).toEqual(["大国工匠", "全国劳动模范"]);
    expect(await db.expert.count()).toBe(4);
  });

  it("creates all 16 service teams, once", async () => {
    db = await freshDatabase();
    await ensureServiceTeams(db);
    await ensureServiceTeams(db);
    const teams = await db.serviceTeam.findMany();
    expect(teams).toHaveLength(16);
    expect(teams.find((team) => team.key === "beidou")?.nameZh).toBe("北斗先锋");
  });

  it("marks demo experts when asked", async () => {
    db = await freshDatabase();
    const { rows } = await readRosterFile(writeCsv(tempDir(), "r.csv", roster));
    await importRoster(db, rows, { isDemo: true });
    expect(await db.expert.count({ where: { isDemo: true } })).toBe(3);
  });

  it("imports nothing from a file it cannot read", async () => {
    db = await freshDatabase();
    const file = writeCsv(tempDir(), "broken.csv", ["姓名,电话", "李明,13900001111"]);
    await expect(readRosterFile(file).then((read) => importRoster(db as Db, read.rows))).rejects.toBeInstanceOf(
      RosterError,
    );
    expect(await db.expert.count()).toBe(0);
  });

  it("rolls back every row when one row fails to write", async () => {
    db = await freshDatabase();
    const { rows } = await readRosterFile(writeCsv(tempDir(), "r.csv", roster));
    const broken: RosterRow[] = [...rows, { ...(rows[0] as RosterRow), id: "E9", teamKey: "no_such_team" }];
    await expect(importRoster(db, broken)).rejects.toThrow();
    expect(await db.expert.count()).toBe(0);
  });

  it("refuses rows that repeat an id rather than letting the last one win", async () => {
    db = await freshDatabase();
    const { rows } = await readRosterFile(writeCsv(tempDir(), "r.csv", roster));
    await expect(importRoster(db, [...rows, rows[0] as RosterRow])).rejects.toMatchObject({ code: "duplicate_id" });
    expect(await db.expert.count()).toBe(0);
  });

  it("imports the shared evaluation roster", async () => {
    db = await freshDatabase();
    const { rows } = await readRosterFile("/work/shared/data/eval-dev/experts.csv");
    expect(await importRoster(db, rows)).toEqual({ imported: 240, updated: 0, unchanged: 0 });
    expect(await importRoster(db, rows)).toEqual({ imported: 0, updated: 0, unchanged: 240 });
  });
});
