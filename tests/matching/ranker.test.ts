import { describe, expect, it } from "vitest";
import { createRanker } from "../../jobs/ranker.ts";
import { useFreshDatabases } from "../roster/test-db.ts";
import { query, request } from "./profile-fixture.ts";

const freshDatabase = useFreshDatabases();

describe("the match worker's ranker", () => {
  it("follows availability and offers written after its index was built, without a rebuild", async () => {
    const db = await freshDatabase();
    await db.expert.createMany({
      data: ["E1", "E2"].map((externalId) => ({ externalId, name: externalId, city: "东莞", skills: '["数控加工"]' })),
    });
    const ranker = createRanker(db);
    const ask = { ...query(request(["cnc"], "东莞", "onsite")), now: new Date() };
    // Equal experts: the roster id decides.
    expect((await ranker.rank(ask)).map((r) => r.externalId)).toEqual(["E1", "E2"]);

    const [e1, e2] = await db.expert.findMany({ orderBy: { externalId: "asc" } });
    // E2 has time every day; E1 is busy with an offer still unanswered.
    await db.availability.createMany({
      data: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        expertId: e2?.id ?? "",
        weekday,
        startMinute: 0,
        endMinute: 1440,
      })),
    });
    const person = await db.person.create({ data: { displayName: "刘工" } });
    const chat = await db.chat.create({ data: { platform: "terminal", externalId: "厂", kind: "group" } });
    const help = await db.helpRequest.create({
      data: { code: "R-1", chatId: chat.id, requesterId: person.id, text: "数控", status: "offered" },
    });
    await db.match.create({
      data: { requestId: help.id, expertId: e1?.id ?? "", rank: 1, score: 1, status: "offered", offeredAt: new Date() },
    });

    const [first, second] = await ranker.rank(ask);
    expect(first?.externalId).toBe("E2");
    expect(first?.reasons.map((r) => r.key)).toContain("available_soon");
    expect(second?.externalId).toBe("E1");
    expect(second?.score).toBeLessThan(first?.score ?? 0);
  });
});
