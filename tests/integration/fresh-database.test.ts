// A new database on a Redis that still holds an old database's jobs (data/ removed, Redis kept):
// job ids come from database ids, so they must not collide with the old ones.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

const ask = "@匠桥 我们厂在东莞，数控加工的薄壁件变形严重，想请专家下周来现场指导";

describe("a fresh database on a used Redis", () => {
  const bots: TestBot[] = [];
  afterEach(async () => {
    for (const bot of bots) await bot.stop().catch(() => undefined);
  });

  it("still matches its first request", async () => {
    const prefix = `test-${randomUUID()}`;
    for (let run = 0; run < 2; run++) {
      const bot = await startTestBot({ QUEUE_PREFIX: prefix });
      bots.push(bot);
      const lines = await bot.run(["/in 东莞制造企业群", "/as 王经理", ask]);
      expect(
        lines.some((line) => line.startsWith("[dm:") && line.includes("R-0001")),
        `run ${run + 1}`,
      ).toBe(true);
      await bot.crash();
    }
  });
});
