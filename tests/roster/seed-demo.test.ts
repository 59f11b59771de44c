import { afterEach, describe, expect, it } from "vitest";
import { guangdongCities } from "../../core/roster/normalise-city.ts";
import { serviceTeams } from "../../core/roster/resolve-team.ts";
import type { Db } from "../../prisma/client.ts";
import { demoRosterRows, seedDemoData } from "../../prisma/seed/seed-demo.ts";
import { freshDatabase } from "./test-db.ts";

let db: Db | undefined;
afterEach(async () => {
  await db?.$disconnect();
  db = undefined;
});

describe("the demo roster", () => {
  const rows = demoRosterRows();

  it("has at least 64 experts with distinct ids and obviously fake phone numbers", () => {
    expect(rows.length).toBeGreaterThanOrEqual(64);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    expect(rows.every((row) => /^D\d{3}$/.test(row.id) && /^1390000\d{4}$/.test(row.phone ?? ""))).toBe(true);
  });

  it("covers every service team at least three times and every city of Guangdong", () => {
    for (const team of serviceTeams) {
      expect(rows.filter((row) => row.teamKey === team.key).length, team.zh).toBeGreaterThanOrEqual(3);
    }
    expect(new Set(rows.map((row) => row.city))).toEqual(new Set(guangdongCities));
  });

  it("gives every expert a district, two to four skills, an honour and an achievement", () => {
    for (const row of rows) {
      expect(row.district, row.id).toBeTruthy();
      expect(row.skills.length, row.id).toBeGreaterThanOrEqual(2);
      expect(row.skills.length, row.id).toBeLessThanOrEqual(4);
      expect(row.honours.length, row.id).toBeGreaterThanOrEqual(1);
      expect(row.achievements.length, row.id).toBeGreaterThan(10);
    }
  });

  it("has several CNC experts for thin-walled parts in Dongguan, the demo conversation's request", () => {
    const dongguan = rows.filter(
      (row) => row.city === "东莞" && row.teamKey === "precision_manufacturing" && row.skills.includes("数控加工"),
    );
    expect(dongguan.length).toBeGreaterThanOrEqual(3);
    expect(dongguan.filter((row) => row.skills.includes("薄壁件加工")).length).toBeGreaterThanOrEqual(2);
  });
});

describe("seeding demo data", () => {
  it("fills an empty database with demo experts, the staff member and the demo chats", async () => {
    db = await freshDatabase();
    const result = await seedDemoData(db);
    expect(result).toEqual({ experts: demoRosterRows().length, seeded: true });
    expect(await db.expert.count({ where: { isDemo: false } })).toBe(0);

    const staff = await db.identity.findUniqueOrThrow({
      where: { platform_externalId: { platform: "terminal", externalId: "工会小陈" } },
      include: { person: true },
    });
    expect(staff.person).toMatchObject({ displayName: "工会小陈", role: "staff", isDemo: true });

    const chats = await db.chat.findMany({ where: { platform: "terminal" } });
    expect(chats.map((chat) => chat.externalId)).toEqual(expect.arrayContaining(["东莞制造企业群", "佛山企业服务群"]));
    expect(chats.every((chat) => chat.kind === "group" && chat.isDemo && chat.title === chat.externalId)).toBe(true);
  });

  it("does nothing when experts already exist", async () => {
    db = await freshDatabase();
    await db.expert.create({ data: { externalId: "E1", name: "真实专家" } });
    expect(await seedDemoData(db)).toEqual({ experts: 0, seeded: false });
    expect(await db.expert.count()).toBe(1);
    expect(await db.person.count()).toBe(0);
    expect(await db.chat.count()).toBe(0);
  });

  it("seeds only once", async () => {
    db = await freshDatabase();
    await seedDemoData(db);
    expect(await seedDemoData(db)).toEqual({ experts: 0, seeded: false });
    expect(await db.person.count()).toBe(1);
  });
});
