import { describe, expect, it } from "vitest";
import { ExpertIndex } from "../../jobs/matching/expert-index.ts";
import { rankExperts } from "../../jobs/matching/rank.ts";
import type { ExpertProfile } from "../../jobs/matching/types.ts";
import type { Db } from "../../prisma/client.ts";
import { expertProfilePages, loadExpertProfiles } from "../../prisma/expert-profiles.ts";
import { useFreshDatabases } from "../roster/test-db.ts";
import { NOW, query, request } from "./profile-fixture.ts";

const freshDatabase = useFreshDatabases();

const DAY = 86_400_000;

/** 23 experts E00…E22 (skills and cities vary), with slots and matches on a few of them. */
async function roster(store: Db): Promise<Map<string, string>> {
  const cities = ["东莞", "深圳", "湛江"];
  await store.expert.createMany({
    data: Array.from({ length: 23 }, (_, i) => ({
      externalId: `E${String(22 - i).padStart(2, "0")}`,
      name: `专家${i}`,
      honours: JSON.stringify(i % 4 === 0 ? ["全国劳动模范"] : []),
      city: cities[i % 3] ?? "",
      skills: JSON.stringify(i % 2 ? ["数控加工"] : ["焊接", "数控加工"]),
      achievements: i === 5 ? "解决薄壁件变形" : "",
      canRemote: i % 5 === 0,
      cities: JSON.stringify(i === 7 ? ["佛山"] : []),
      paused: i === 9,
    })),
  });
  const ids = new Map((await store.expert.findMany()).map((e) => [e.externalId, e.id]));
  const id = (externalId: string) => ids.get(externalId) ?? "";
  await store.availability.createMany({
    data: [
      { expertId: id("E03"), weekday: 2, startMinute: 540, endMinute: 1020 },
      { expertId: id("E03"), date: "2026-11-20", startMinute: 540, endMinute: 600 }, // past
      { expertId: id("E03"), weekday: 4, startMinute: 540, endMinute: 600, validUntil: "2026-11-01" }, // lapsed
      { expertId: id("E17"), date: "2026-11-25", startMinute: 840, endMinute: 1020 },
    ],
  });
  const person = await store.person.create({ data: { displayName: "刘工" } });
  const chat = await store.chat.create({ data: { platform: "terminal", externalId: "厂", kind: "group" } });
  const help = (code: string, status: string) =>
    store.helpRequest.create({ data: { code, chatId: chat.id, requesterId: person.id, text: "x", status } });
  const [open, closed, other] = [await help("R-1", "open"), await help("R-2", "closed"), await help("R-3", "open")];
  const lastMonth = new Date(NOW.getTime() - 40 * DAY);
  await store.match.createMany({
    data: [
      { requestId: open.id, expertId: id("E03"), rank: 1, score: 1, status: "offered", offeredAt: NOW },
      {
        requestId: closed.id,
        expertId: id("E03"),
        rank: 1,
        score: 1,
        status: "accepted",
        offeredAt: lastMonth,
        rating: 5,
      },
      { requestId: other.id, expertId: id("E03"), rank: 1, score: 1, status: "accepted", outcome: "solved", rating: 9 },
      { requestId: open.id, expertId: id("E17"), rank: 2, score: 1, status: "declined", offeredAt: NOW },
      { requestId: closed.id, expertId: id("E17"), rank: 2, score: 1, status: "candidate" },
      { requestId: other.id, expertId: id("E17"), rank: 2, score: 1, status: "expired", offeredAt: NOW },
    ],
  });
  return ids;
}

async function collect(pages: AsyncIterable<Iterable<ExpertProfile>>): Promise<ExpertProfile[][]> {
  const all: ExpertProfile[][] = [];
  for await (const page of pages) all.push([...page]);
  return all;
}

describe("loading expert profiles for the index", () => {
  it("reads the same profiles in pages of 4 as in one page, in roster-id order", async () => {
    const db = await freshDatabase();
    await roster(db);
    const small = await collect(expertProfilePages(db, NOW, { pageSize: 4 }));
    expect(small.map((page) => page.length)).toEqual([4, 4, 4, 4, 4, 3]);
    const [whole] = await collect(expertProfilePages(db, NOW));
    expect(small.flat()).toEqual(whole);
    expect(whole?.map((p) => p.externalId)).toEqual(
      Array.from({ length: 23 }, (_, i) => `E${String(i).padStart(2, "0")}`),
    );
    // A page that ends exactly at the last expert is followed by no empty one.
    expect((await collect(expertProfilePages(db, NOW, { pageSize: 23 }))).length).toBe(1);
  });

  it("counts open offers, this month's offers, declines, solved and ratings, and keeps only open slots", async () => {
    const db = await freshDatabase();
    await roster(db);
    const profiles = (await collect(expertProfilePages(db, NOW, { pageSize: 5 }))).flat();
    const byId = new Map(profiles.map((p) => [p.externalId, p]));
    expect(byId.get("E03")).toMatchObject({
      load: { openOffers: 1, offersThisMonth: 1 },
      // Accepted twice: once on a request since closed, once marked solved; the rating 9 is out of range.
      outcomes: { accepted: 2, declined: 0, solved: 2, ratingSum: 5, ratingCount: 1 },
      slots: [{ weekday: 2, date: null, startMinute: 540, endMinute: 1020 }],
    });
    expect(byId.get("E17")).toMatchObject({
      load: { openOffers: 0, offersThisMonth: 2 },
      outcomes: { accepted: 0, declined: 1, solved: 0, ratingSum: 0, ratingCount: 0 },
      slots: [{ weekday: null, date: "2026-11-25", startMinute: 840, endMinute: 1020 }],
    });
    expect(byId.get("E15")).toMatchObject({
      city: "深圳",
      cities: ["佛山"],
      skills: ["数控加工"],
      canOnsite: true,
      canRemote: false,
      paused: false,
      active: true,
      load: { openOffers: 0, offersThisMonth: 0 },
      slots: [],
    });
    expect(byId.get("E13")?.paused).toBe(true);
    expect(byId.get("E22")).toMatchObject({ honours: ["全国劳动模范"], skills: ["焊接", "数控加工"], canRemote: true });
  });

  it("loads the named experts alone, in roster-id order, leaving out ids that are gone", async () => {
    const db = await freshDatabase();
    const ids = await roster(db);
    const wanted = ["E17", "E03", "E11"].map((externalId) => ids.get(externalId) ?? "");
    const profiles = await loadExpertProfiles(db, NOW, [...wanted, "gone"]);
    expect(profiles.map((p) => p.externalId)).toEqual(["E03", "E11", "E17"]);
    const all = (await collect(expertProfilePages(db, NOW, { pageSize: 4 }))).flat();
    expect(profiles[0]).toEqual(all.find((p) => p.externalId === "E03"));
  });

  it("ranks the same whichever page size built the index", async () => {
    const db = await freshDatabase();
    await roster(db);
    const paged = await ExpertIndex.fromPages(expertProfilePages(db, NOW, { pageSize: 3 }));
    const whole = await ExpertIndex.fromPages(expertProfilePages(db, NOW));
    expect(paged.size).toBe(23);
    const ask = query(request(["cnc"], "东莞", "onsite"), 30);
    expect(rankExperts(paged, ask)).toEqual(rankExperts(whole, ask));
    expect(rankExperts(paged, ask).map((r) => r.externalId)).not.toContain("E13");
  });
});
