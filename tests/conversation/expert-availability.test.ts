// An expert tells their time bit by bit (issue 13 §4): a second message adds to the first, and slots of the same
// day that overlap become one, in the confirmation and in what is stored.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

describe("an expert's availability told in pieces", () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(async () => {
    await bot.stop();
  });

  it("keeps earlier slots and merges overlapping ones of the same day", async () => {
    const { db } = bot.app.services;
    const expert = await db.expert.findFirstOrThrow({ where: { isDemo: true } });
    await bot.run([`/as ${expert.name}`, "/in dm", "我每周三下午有空"]);
    const added = await bot.say("每周三下午4点到晚上8点也可以，每周五上午也行");
    const text = added.join("\n");
    expect(text).toMatch(/周三 14:00-20:00/);
    expect(text).toContain("周五");
    const slots = await db.availability.findMany({ where: { expertId: expert.id } });
    expect(slots.map((slot) => slot.weekday).sort()).toEqual([3, 5]);
  });
});
