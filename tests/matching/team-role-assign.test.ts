// 联合攻关 with a role nobody in the roster covers: staff are told which role, and fill it with the /assign they
// already know; a role can also be named after the expert.
import { describe, expect, it } from "vitest";
import { useTestBots } from "../support/bots.ts";

const group = "东莞制造企业群";
const manager = "东莞精工科技-王经理";
// The demo roster has 数控加工 experts and nobody with 热处理与表面处理.
const ask = "@匠桥 我们在东莞，想请专家联合攻关：数控加工的薄壁件变形，另外零件热处理后硬度不均，请来现场";

const cardsFor = (lines: string[]) =>
  lines.filter((line) => line.startsWith("[dm:") && line.includes("R-0001") && line.includes("[1:接受]"));

const bot = useTestBots();

describe("staff fill a team role the roster could not", () => {
  it("are told which role has nobody, and a plain /assign gives the named expert that role", async () => {
    const b = await bot();
    const asked = await b.run([`/in ${group}`, `/as ${manager}`, ask]);
    const told = asked.find((line) => line.includes("R-0001") && line.includes("没有人能承担"));
    expect(told, asked.join("\n")).toContain("热处理与表面处理");
    expect(cardsFor(asked).every((line) => line.includes("您负责：数控加工"))).toBe(true);

    const offered = new Set(cardsFor(asked).map((line) => /^\[dm:([^\]]+)\]/.exec(line)?.[1]));
    const found = (await b.app.services.db.expert.findMany({ where: { paused: false, canOnsite: true } })).find(
      (expert) => !offered.has(expert.name),
    );
    expect(found).toBeDefined();
    const lines = await b.run(["/as 工会小陈", "/in dm", `/assign R-0001 ${found?.externalId}`]);
    expect(lines.join("\n")).toContain(`已将需求 R-0001 中“热处理与表面处理”这一部分指派给${found?.name}`);
    const card = cardsFor(lines).find((line) => line.startsWith(`[dm:${found?.name}]`));
    expect(card).toContain("您负责：热处理与表面处理");
  });

  it("a role named after the expert must be one of the request's; staff hear which ones there are", async () => {
    const b = await bot();
    await b.run([`/in ${group}`, `/as ${manager}`, ask]);
    const someone = await b.app.services.db.expert.findFirstOrThrow({ where: { paused: false } });
    const lines = await b.run(["/as 工会小陈", "/in dm", `/assign R-0001 ${someone.externalId} 服装制版`]);
    const refusal = lines.find((line) => line.includes("需求 R-0001 没有这一部分"));
    expect(refusal).toContain("数控加工");
    expect(refusal).toContain("热处理与表面处理");
    expect(cardsFor(lines)).toEqual([]);
    const named = await b.run(["/as 工会小陈", "/in dm", `/assign R-0001 ${someone.externalId} 热处理`]);
    expect(named.join("\n")).toContain(`“热处理与表面处理”这一部分指派给${someone.name}`);
  });
});
