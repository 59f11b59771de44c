import { describe, expect, it } from "vitest";
import { ExpertIndex } from "../../jobs/matching/expert-index.ts";
import { matchExperts, rankExperts } from "../../jobs/matching/rank.ts";
import { expert, query, request } from "./profile-fixture.ts";

const order = (index: ExpertIndex, q: ReturnType<typeof query>) => rankExperts(index, q).map((r) => r.externalId);

describe("what an enterprise notices in the ranking", () => {
  it("a 东莞 expert with 数控加工 ranks above a 湛江 one for an on-site request in 东莞", () => {
    const index = new ExpertIndex([
      expert({ externalId: "ZJ", city: "湛江", skills: ["数控加工"] }),
      expert({ externalId: "DG", city: "东莞", skills: ["数控加工"] }),
    ]);
    expect(order(index, query(request(["cnc"], "东莞", "onsite")))).toEqual(["DG", "ZJ"]);
  });

  it("for a remote request a remote-capable expert in 梅州 ranks with the local ones", () => {
    const index = new ExpertIndex([
      expert({ externalId: "MZ", city: "梅州", skills: ["焊接"], canRemote: true }),
      expert({ externalId: "FS-local", city: "佛山", skills: ["焊接"] }),
      expert({ externalId: "GZ-region", city: "广州", skills: ["焊接"] }),
    ]);
    const ranked = rankExperts(index, query(request(["welding"], "佛山", "remote")));
    expect(
      ranked
        .map((r) => r.externalId)
        .slice(0, 2)
        .sort(),
    ).toEqual(["FS-local", "MZ"]);
    const [first, second] = ranked;
    expect(Math.abs((first?.score ?? 0) - (second?.score ?? 0))).toBeLessThan(0.2);
    expect(ranked.find((r) => r.externalId === "MZ")?.reasons).toContainEqual({ key: "remote", params: {} });
  });

  it("distance counts: same city, then a neighbour, then the same region, then elsewhere", () => {
    const index = new ExpertIndex([
      expert({ externalId: "far", city: "湛江", skills: ["SMT贴片工艺"] }),
      expert({ externalId: "region", city: "珠海", skills: ["SMT贴片工艺"] }),
      expert({ externalId: "neighbour", city: "东莞", skills: ["SMT贴片工艺"] }),
      expert({ externalId: "local", city: "深圳", skills: ["SMT贴片工艺"] }),
    ]);
    expect(order(index, query(request(["smt"], "深圳", "onsite")))).toEqual(["local", "neighbour", "region", "far"]);
  });

  it("the skill comes first: a local expert without it does not pass a far one with it", () => {
    const index = new ExpertIndex([
      expert({ externalId: "local-other", city: "东莞", skills: ["服装制版"] }),
      expert({ externalId: "local-related", city: "东莞", skills: ["精密装配钳工"] }),
      expert({ externalId: "far-skill", city: "湛江", skills: ["数控加工"] }),
    ]);
    const ids = order(index, query(request(["cnc"], "东莞", "onsite")));
    expect(ids[0]).toBe("far-skill");
    expect(ids).not.toContain("local-other");
  });

  it("a related skill alone is below the floor: not offered, but shown to staff with why it falls short", () => {
    const index = new ExpertIndex([expert({ externalId: "fitter", city: "东莞", skills: ["精密装配钳工"] })]);
    const outcome = matchExperts(index, query(request(["cnc"], "东莞", "onsite")));
    expect(outcome.candidates).toEqual([]);
    expect(outcome.partial[0]).toMatchObject({
      externalId: "fitter",
      shortfall: [{ key: "short_related", params: { skill: "精密装配钳工" } }],
    });
  });

  it("skills are matched through the taxonomy, not by literal words", () => {
    const index = new ExpertIndex([
      expert({ externalId: "chiller", city: "韶关", skills: ["冷水机组维保"] }),
      expert({ externalId: "garment", city: "韶关", skills: ["服装制版"] }),
    ]);
    expect(order(index, query(request(["refrigeration"], "韶关", "onsite")))).toEqual(["chiller"]);
  });

  it("an expert with both requested skills ranks above one with only one of them", () => {
    const index = new ExpertIndex([
      expert({ externalId: "robot-only", city: "中山", skills: ["工业机器人编程调试"] }),
      expert({ externalId: "both", city: "中山", skills: ["工业机器人编程调试", "机器视觉检测"] }),
      expert({ externalId: "vision-only", city: "中山", skills: ["机器视觉检测"] }),
    ]);
    expect(order(index, query(request(["robot_programming", "machine_vision"], "中山", "onsite")))[0]).toBe("both");
  });

  it("an on-site request prefers experts who come on site", () => {
    const index = new ExpertIndex([
      expert({ externalId: "remote-only", city: "佛山", skills: ["焊接"], canOnsite: false, canRemote: true }),
      expert({ externalId: "comes", city: "佛山", skills: ["焊接"] }),
    ]);
    expect(order(index, query(request(["welding"], "佛山", "onsite")))).toEqual(["comes", "remote-only"]);
  });

  it("availability in the requested window raises an expert, and no availability never excludes", () => {
    const index = new ExpertIndex([
      expert({ externalId: "busy", city: "佛山", skills: ["焊接"] }),
      expert({
        externalId: "free",
        city: "佛山",
        skills: ["焊接"],
        slots: [{ weekday: 2, date: null, startMinute: 840, endMinute: 1080 }],
      }),
    ]);
    const ranked = rankExperts(
      index,
      query(request(["welding"], "佛山", "onsite", { window: { start: "2026-11-23", end: "2026-11-29" } })),
    );
    expect(ranked.map((r) => r.externalId)).toEqual(["free", "busy"]);
    expect(ranked[0]?.reasons).toContainEqual({ key: "available", params: { date: "2026-11-24" } });
  });

  it("load lowers a little, past outcomes and honours raise a little", () => {
    const index = new ExpertIndex([
      expert({ externalId: "loaded", city: "佛山", skills: ["焊接"], load: { openOffers: 3, offersThisMonth: 4 } }),
      expert({ externalId: "plain", city: "佛山", skills: ["焊接"] }),
      expert({
        externalId: "proven",
        city: "佛山",
        skills: ["焊接"],
        outcomes: { accepted: 2, declined: 0, solved: 2, ratingSum: 10, ratingCount: 2 },
      }),
      expert({ externalId: "honoured", city: "佛山", skills: ["焊接"], honours: ["全国劳动模范"] }),
      expert({ externalId: "far", city: "湛江", skills: ["焊接"], honours: ["全国劳动模范"] }),
    ]);
    const ids = order(index, query(request(["welding"], "佛山", "onsite")));
    expect(ids.indexOf("proven")).toBeLessThan(ids.indexOf("plain"));
    expect(ids.indexOf("honoured")).toBeLessThan(ids.indexOf("plain"));
    expect(ids.indexOf("plain")).toBeLessThan(ids.indexOf("loaded"));
    expect(ids.at(-1)).toBe("far");
  });

  it("paused, inactive and excluded experts never appear", () => {
    const paused = expert({ externalId: "paused", city: "佛山", skills: ["焊接"], paused: true });
    const inactive = expert({ externalId: "inactive", city: "佛山", skills: ["焊接"], active: false });
    const excluded = expert({ externalId: "excluded", city: "佛山", skills: ["焊接"] });
    const index = new ExpertIndex([
      paused,
      inactive,
      excluded,
      expert({ externalId: "ok", city: "佛山", skills: ["焊接"] }),
    ]);
    const ranked = rankExperts(index, {
      ...query(request(["welding"], "佛山", "onsite")),
      exclude: new Set([excluded.id]),
    });
    expect(ranked.map((r) => r.externalId)).toEqual(["ok"]);
  });

  it("a pause with an end holds until the end and is over after it, without a rebuild", () => {
    const q = query(request(["welding"], "佛山", "onsite"));
    const ends = (days: number) => q.now.getTime() + days * 86_400_000;
    const index = new ExpertIndex([
      expert({ externalId: "later", city: "佛山", skills: ["焊接"], paused: true, pausedUntil: ends(3) }),
      expert({ externalId: "over", city: "湛江", skills: ["焊接"], paused: true, pausedUntil: ends(-1) }),
    ]);
    expect(order(index, q)).toEqual(["over"]);
    expect(order(index, { ...q, now: new Date(ends(4)) })).toEqual(["later", "over"]);
  });

  it("an expert away on every day of an on-site request's window comes last; away on some days, not", () => {
    const window = { start: "2026-12-14", end: "2026-12-18" };
    const index = new ExpertIndex([
      expert({
        externalId: "away",
        city: "佛山",
        skills: ["焊接"],
        away: [{ start: "2026-12-13", end: "2026-12-20" }],
      }),
      expert({
        externalId: "part",
        city: "佛山",
        skills: ["焊接"],
        away: [{ start: "2026-12-14", end: "2026-12-16" }],
      }),
      expert({ externalId: "far", city: "湛江", skills: ["焊接"] }),
    ]);
    const onsite = query(request(["welding"], "佛山", "onsite", { window }));
    expect(order(index, onsite)).toEqual(["part", "far", "away"]);
    // A remote request is not held back by a trip.
    const remote = query(request(["welding"], "佛山", "remote", { window }));
    expect(order(index, remote).slice(0, 2).sort()).toEqual(["away", "part"]);
  });

  it("follows roster and availability changes without a rebuild", () => {
    const first = expert({ externalId: "E1", city: "湛江", skills: ["焊接"] });
    const index = new ExpertIndex([first, expert({ externalId: "E2", city: "广州", skills: ["焊接"] })]);
    const q = query(request(["welding"], "湛江", "onsite"));
    expect(order(index, q)[0]).toBe("E1");
    index.upsert({ ...first, skills: ["服装制版"] });
    expect(order(index, q)).toEqual(["E2"]);
    expect(index.remove(first.id)).toBe(true);
    expect(index.size).toBe(1);
    index.upsert({ ...first, paused: false });
    expect(index.size).toBe(2);
  });

  it("takes an expert's new load and pause without losing their words, and their new words when those change", () => {
    const busy = expert({ externalId: "E1", city: "湛江", skills: ["焊接"], achievements: "船舶焊缝探伤返修" });
    const index = new ExpertIndex([busy, expert({ externalId: "E2", city: "湛江", skills: ["焊接"] })]);
    const q = query(request(["welding"], "湛江", "onsite"), 10, "船舶焊缝返修");
    expect(order(index, q)[0]).toBe("E1");
    // Paused: no longer offered, yet still indexed by the words of the profile.
    index.upsert({ ...busy, paused: true, load: { openOffers: 2, offersThisMonth: 3 } });
    expect(order(index, q)).toEqual(["E2"]);
    expect(index.get(busy.id)?.load.offersThisMonth).toBe(3);
    index.upsert({ ...busy, paused: false, load: { openOffers: 0, offersThisMonth: 3 } });
    expect(order(index, q)[0]).toBe("E1");
    // New words replace the old ones in the index.
    index.upsert({ ...busy, skills: ["服装制版"], achievements: "" });
    expect(order(index, q)).toEqual(["E2"]);
  });

  it("every result carries readable reasons", () => {
    const index = new ExpertIndex([
      expert({ externalId: "DG", city: "东莞", skills: ["数控加工"], honours: ["全国劳动模范"] }),
    ]);
    const [only] = rankExperts(index, query(request(["cnc"], "东莞", "onsite")));
    expect(only?.reasons).toEqual([
      { key: "skill", params: { skill: "数控加工", skillEn: "CNC machining" } },
      { key: "same_city", params: { city: "东莞", cityEn: "Dongguan" } },
      { key: "onsite", params: {} },
      { key: "honour", params: { honour: "全国劳动模范" } },
    ]);
  });

  it("a request that names no known skill still finds experts by shared wording", () => {
    const index = new ExpertIndex([
      expert({ externalId: "kiln", city: "佛山", skills: ["琉璃烧制"] }),
      expert({ externalId: "other", city: "佛山", skills: ["焊接"] }),
    ]);
    const ranked = rankExperts(index, query(request([], "佛山", "onsite"), 10, "琉璃烧制有问题"));
    expect(ranked[0]?.externalId).toBe("kiln");
  });
});
