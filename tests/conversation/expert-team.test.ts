// 联合攻关: a request needing two skills that no single expert covers gets a team of two, each asked
// for consent for their part, each introduced when they accept.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { coveredSkills } from "../../jobs/team-roles.ts";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

const group = "东莞制造企业群";
const ask =
  "@匠桥 我们在东莞，想请专家联合攻关：数控加工的薄壁件变形，另外工业机器人上下料的编程调试也没人会，请来现场";

function offers(lines: string[]): { expert: string; line: string }[] {
  return lines
    .filter((line) => line.startsWith("[dm:") && line.includes("R-0001") && line.includes("[1:接受]"))
    .map((line) => ({ expert: /^\[dm:([^\]]+)\]/.exec(line)?.[1] ?? "", line }));
}

describe("a request that needs two different skills", () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(async () => {
    await bot.stop();
  });

  it("is offered to two experts, one per skill, and introduces both once they accept", async () => {
    const { db } = bot.app.services;
    // The demo roster has nobody with both skills: that is what makes this a team.
    const experts = await db.expert.findMany();
    const both = experts.filter((e) => coveredSkills(JSON.parse(e.skills), ["cnc", "robot_programming"]).length === 2);
    expect(both).toEqual([]);

    const lines = await bot.run([`/in ${group}`, "/as 东莞精工科技-王经理", ask]);
    const made = offers(lines);
    expect(made, lines.join("\n")).toHaveLength(2);
    expect(made[0]?.expert).not.toBe(made[1]?.expert);
    expect(made.some((offer) => offer.line.includes("您负责：数控加工"))).toBe(true);
    expect(made.some((offer) => offer.line.includes("您负责：工业机器人"))).toBe(true);

    const first = await bot.run([`/as ${made[0]?.expert}`, "/in dm", "/press 1"]);
    expect(first.some((line) => line.startsWith(`[${group}] 匠桥: 【联合攻关`))).toBe(true);
    expect((await db.helpRequest.findUniqueOrThrow({ where: { code: "R-0001" } })).status).not.toBe("introduced");

    const second = await bot.run([`/as ${made[1]?.expert}`, "/in dm", "接受 R-0001"]);
    expect(
      second.some((line) => line.startsWith(`[${group}] 匠桥: 【联合攻关`) && line.includes(made[1]?.expert ?? "?")),
    ).toBe(true);
    expect((await db.helpRequest.findUniqueOrThrow({ where: { code: "R-0001" } })).status).toBe("introduced");
  });

  it("replaces a team member who declines with another expert of the same skill", async () => {
    const lines = await bot.run([`/in ${group}`, "/as 东莞精工科技-王经理", ask]);
    const made = offers(lines);
    const decliner = made.find((offer) => offer.line.includes("您负责：数控加工"));
    expect(decliner).toBeDefined();
    const after = await bot.run([`/as ${decliner?.expert}`, "/in dm", "婉拒 R-0001"]);
    const replacement = offers(after);
    expect(replacement).toHaveLength(1);
    expect(replacement[0]?.expert).not.toBe(decliner?.expert);
    expect(replacement[0]?.line).toContain("您负责：数控加工");
  });
});
