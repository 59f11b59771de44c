// Staff step in on an offer, and what counts against an expert's monthly load, as each party sees it.
import { describe, expect, it } from "vitest";
import { offeredTo, useTestBots } from "../support/bots.ts";

const group = "东莞制造企业群";
const manager = "东莞精工科技-王经理";
const ask = "@匠桥 我们厂在东莞，数控加工的薄壁件变形严重，想请专家下周来现场指导";

const bot = useTestBots();

/** Offer cards for `code` printed to `expert`. */
const cardsTo = (lines: string[], expert: string, code = "R-0001") =>
  lines.filter((line) => line.startsWith(`[dm:${expert}]`) && line.includes(code) && line.includes("[1:接受]"));

describe("staff assign", () => {
  it("the expert who holds the offer: they get a fresh card, not a withdrawal", async () => {
    const b = await bot();
    const first = offeredTo(await b.run([`/in ${group}`, `/as ${manager}`, ask]));
    const lines = await b.run(["/as 工会小陈", "/in dm", `/assign R-0001 ${first}`]);
    expect(lines.some((line) => line.startsWith(`[dm:工会小陈] 匠桥: 已将需求 R-0001 指派给${first}`))).toBe(true);
    expect(cardsTo(lines, first)).toHaveLength(1);
    expect(lines.some((line) => line.startsWith(`[dm:${first}] 匠桥: 需求 R-0001 的邀请已撤回`))).toBe(false);
    // The fresh card is the one that counts: pressing it introduces the expert.
    const accepted = await b.run([`/as ${first}`, "/in dm", "/press 1"]);
    expect(accepted.filter((line) => line.startsWith(`[${group}] 匠桥: 好消息`))).toHaveLength(1);
  });

  it("an expert who declined before: they are asked again with a fresh card", async () => {
    const b = await bot();
    const first = offeredTo(await b.run([`/in ${group}`, `/as ${manager}`, ask]));
    const declined = await b.run([`/as ${first}`, "/in dm", "这次不方便"]);
    const second = offeredTo(declined);
    expect(second).not.toBe(first);
    const lines = await b.run(["/as 工会小陈", "/in dm", `/assign R-0001 ${first}`]);
    expect(cardsTo(lines, first)).toHaveLength(1);
    expect(lines.some((line) => line.startsWith(`[dm:${second}] 匠桥: 需求 R-0001 的邀请已撤回`))).toBe(true);
  });

  it("a paused expert: refused, saying why, and nobody else is asked in their place", async () => {
    const b = await bot();
    const first = offeredTo(await b.run([`/in ${group}`, `/as ${manager}`, ask]));
    const paused = await b.app.services.db.expert.findFirstOrThrow({ where: { name: { not: first } } });
    await b.app.services.db.expert.update({ where: { id: paused.id }, data: { paused: true } });
    const lines = await b.run(["/as 工会小陈", "/in dm", `/assign R-0001 ${paused.externalId}`]);
    expect(lines.join("\n")).toContain(`${paused.name}已暂停接单，匠桥不会在暂停期间向其发出邀请，需求 R-0001 未指派`);
    expect(lines.some((line) => line.includes("[1:接受]"))).toBe(false);
    expect(lines.some((line) => line.includes("邀请已撤回"))).toBe(false);
  });
});

describe("the monthly cap", () => {
  it("does not count an offer that was withdrawn", async () => {
    const b = await bot({ MONTHLY_OFFER_CAP: "1" });
    const first = offeredTo(await b.run([`/in ${group}`, `/as ${manager}`, ask]));
    const closed = await b.run(["/as 工会小陈", "/in dm", "/close R-0001"]);
    expect(closed.some((line) => line.startsWith(`[dm:${first}] 匠桥: 需求 R-0001 的邀请已撤回`))).toBe(true);
    const lines = await b.run([`/in ${group}`, "/as 东莞精工科技-李工", ask]);
    expect(offeredTo(lines, "R-0002")).toBe(first);
  });
});
