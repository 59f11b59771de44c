// An enterprise that asks for a roster expert by name has that expert asked first; one who may not be asked is
// passed over, another expert is asked, and staff hear privately why.
import { describe, expect, it } from "vitest";
import { offeredTo, useTestBots } from "../support/bots.ts";

const group = "东莞制造企业群";
const manager = "东莞精工科技-王经理";
const ask = "@匠桥 我们厂在东莞，数控加工的薄壁件变形严重，想请专家下周来现场指导";
const askFor = (name: string) => `@匠桥 我们厂在东莞，数控加工的薄壁件变形严重，想请${name}师傅下周来现场看看`;

const bot = useTestBots();

describe("an expert named by the enterprise", () => {
  it("is offered first, even when the ranker would have asked someone else", async () => {
    const b = await bot();
    const first = offeredTo(await b.run([`/in ${group}`, `/as ${manager}`, ask]));
    const named = await b.app.services.db.expert.findFirstOrThrow({
      where: { name: { not: first }, canOnsite: true, paused: false, active: true },
    });
    const lines = await b.run([`/in ${group}`, "/as 东莞精工科技-李工", askFor(named.name)]);
    expect(offeredTo(lines, "R-0002")).toBe(named.name);
  });

  it("a name inside the enterprise's own name is not a request for the person", async () => {
    const b = await bot();
    // Someone the ranker would not ask for a machining problem.
    const other = await b.app.services.db.expert.findFirstOrThrow({
      where: { NOT: { skills: { contains: "数控" } }, canOnsite: true, paused: false, active: true },
    });
    const lines = await b.run([
      `/in ${group}`,
      `/as ${manager}`,
      `@匠桥 我们是东莞${other.name}五金有限公司，数控加工的薄壁件变形严重，想请专家下周来现场指导`,
    ]);
    expect(offeredTo(lines)).not.toBe(other.name);
  });

  it("who paused: another expert is offered, and staff hear privately why the named one was not", async () => {
    const b = await bot();
    const named = await b.app.services.db.expert.findFirstOrThrow({
      where: { canOnsite: true, paused: false, active: true },
    });
    await b.app.services.db.expert.update({ where: { id: named.id }, data: { paused: true } });
    await b.run(["/as 工会小陈", "/in dm", "/requests"]);
    const lines = await b.run([`/in ${group}`, `/as ${manager}`, askFor(named.name)]);
    const offered = offeredTo(lines);
    expect(offered).not.toBe(named.name);
    const told = lines.filter((line) => line.startsWith("[dm:工会小陈]")).join("\n");
    expect(told).toContain(`企业在需求 R-0001 中点名请${named.name}`);
    expect(told).toContain(`${named.name}已暂停接单`);
    // The enterprise's group does not hear about the pause.
    expect(lines.filter((line) => line.startsWith(`[${group}]`)).join("\n")).not.toContain("暂停");
  });
});
