// Who sees a phone number: the two parties privately, and staff; never a group, never the log, even at
// debug level through a whole conversation.
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

const anyPhone = /(?<!\d)1[3-9]\d{9}(?!\d)/;

describe("phone numbers", () => {
  it("reach only the two consenting parties privately, and never a group or the log", async () => {
    let logged = "";
    const logTo = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        logged += chunk.toString();
        callback();
      },
    });
    bot = await startTestBot({ LOG_LEVEL: "debug" }, { logTo });
    const enterprisePhone = "13812345678";
    await bot.run([
      "/in 东莞制造企业群",
      "/as 东莞精工科技-王经理",
      `@匠桥 我们厂在东莞，数控加工的薄壁件变形严重，想请专家下周来现场指导，联系电话${enterprisePhone}`,
    ]);
    const { db } = bot.app.services;
    const offer = await db.match.findFirstOrThrow({ where: { status: "offered" }, include: { expert: true } });
    const expertPhone = offer.expert.phone ?? "";
    expect(expertPhone).toMatch(/^1390000\d{4}$/);
    await bot.run([`/as ${offer.expert.name}`, "/in dm", "/press 1"]);
    await bot.app.waitUntilIdle();
    const lines = bot.output();

    // The introduction happened, and each party got the other's number in their private chat.
    expect(lines.some((line) => line.startsWith("[东莞制造企业群]") && line.includes(offer.expert.name))).toBe(true);
    const withPhone = lines.filter((line) => anyPhone.test(line));
    expect(withPhone.some((line) => line.startsWith("[dm:东莞精工科技-王经理]") && line.includes(expertPhone))).toBe(
      true,
    );
    expect(
      withPhone.some((line) => line.startsWith(`[dm:${offer.expert.name}]`) && line.includes(enterprisePhone)),
    ).toBe(true);
    for (const line of withPhone) {
      expect(
        [`[dm:东莞精工科技-王经理]`, `[dm:${offer.expert.name}]`].some((who) => line.startsWith(who)),
        line,
      ).toBe(true);
    }
    // No group line carries any phone number.
    for (const line of lines.filter((line) => !line.startsWith("[dm:"))) expect(line).not.toMatch(anyPhone);

    // The log saw the whole conversation at debug level, and no number in it.
    expect(logged.length).toBeGreaterThan(0);
    expect(logged).not.toMatch(/1390000\d{4}/);
    expect(logged).not.toContain(enterprisePhone);
    expect(logged).not.toMatch(anyPhone);
  });
});
