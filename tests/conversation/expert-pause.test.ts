// An expert pauses until a day, or says which days they are away (issue 13 §3-4): the reply and the profile state
// the end, nobody offers them a request meanwhile, and after the end they are offered again without saying a word.
import { describe, expect, it } from "vitest";
import { addDays, dayNumberOfDate, dayOf, isoDate, mondayOf, monthEnd, ymd } from "../../core/calendar.ts";
import { offeredTo, useTestBots } from "../support/bots.ts";

const group = "东莞制造企业群";
const ask = "@匠桥 我们厂在东莞，数控加工的薄壁件变形严重，想请专家下周来现场指导";
const bot = useTestBots();

/** 12月20日 for 2026-12-20. */
const zhDay = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
const englishMonths = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Who the demo roster offers the request to first, on a bot of its own. */
async function firstChoice(): Promise<string> {
  const probe = await bot();
  return offeredTo(await probe.run([`/in ${group}`, "/as 东莞精工科技-王经理", ask]));
}

describe("an expert's pause with an end", () => {
  it("says the end, shows it on the profile, offers nothing meanwhile, and offers again after it", async () => {
    const expert = await firstChoice();
    const b = await bot();
    const { db } = b.app.services;
    const lastDay = addDays(dayOf(new Date()), 20);
    const paused = await b.run([`/as ${expert}`, "/in dm", `${zhDay(lastDay)}前都没空，先别给我派单`]);
    expect(paused.join("\n")).toContain(`${zhDay(lastDay)}（含当天）之前不再向您发出邀请`);
    expect(paused.join("\n")).toContain(`${zhDay(addDays(lastDay, 1))}起自动恢复接单`);
    const profile = await b.run(["我的资料"]);
    expect(profile.join("\n")).toContain(`接单状态：暂停至${zhDay(lastDay)}`);

    const during = await b.run([`/in ${group}`, "/as 东莞精工科技-王经理", ask]);
    expect(offeredTo(during, "R-0001")).not.toBe(expert);

    // Staff cannot override the pause while it lasts.
    const row = await db.expert.findFirstOrThrow({ where: { name: expert } });
    const assign = await b.run(["/as 工会小陈", "/in dm", `/assign R-0001 ${row.externalId}`]);
    expect(assign.join("\n")).toContain(`${expert}已暂停接单`);
    expect(assign.some((line) => line.startsWith(`[dm:${expert}]`))).toBe(false);

    // The end has come: no job, no word from the expert, the next request reaches them again.
    await db.expert.update({ where: { id: row.id }, data: { pausedUntil: new Date(Date.now() - 60_000) } });
    const after = await b.run([`/in ${group}`, "/as 东莞精工科技-李工", ask]);
    expect(offeredTo(after, "R-0002")).toBe(expert);
    const again = await b.run([`/as ${expert}`, "/in dm", "我的资料"]);
    expect(again.join("\n")).toContain("接单状态：可接单");
  });

  it("恢复接单 ends the pause and its end at once", async () => {
    const b = await bot();
    const { db } = b.app.services;
    const expert = await db.expert.findFirstOrThrow({ where: { isDemo: true } });
    const lastDay = addDays(dayOf(new Date()), 9);
    await b.run([`/as ${expert.name}`, "/in dm", `${zhDay(lastDay)}前不接单`]);
    expect(await db.expert.findUniqueOrThrow({ where: { id: expert.id } })).toMatchObject({ paused: true });
    const resumed = await b.run(["恢复接单"]);
    expect(resumed.join("\n")).toContain("已恢复接单");
    expect(await db.expert.findUniqueOrThrow({ where: { id: expert.id } })).toMatchObject({
      paused: false,
      pausedUntil: null,
    });
    expect((await b.run(["我的资料"])).join("\n")).toContain("接单状态：可接单");
  });

  it("answers an English speaker in English with the end", async () => {
    const b = await bot();
    const expert = await b.app.services.db.expert.findFirstOrThrow({ where: { isDemo: true } });
    const lastDay = addDays(dayOf(new Date()), 12);
    const month = englishMonths[Number(lastDay.slice(5, 7)) - 1];
    const lines = await b.run([
      `/as ${expert.name}`,
      "/in dm",
      `Please pause my offers until ${month} ${Number(lastDay.slice(8, 10))}`,
    ]);
    const text = lines.map((line) => line.replace(/^.*?匠桥: /, "")).join("\n");
    expect(text).toContain(`no invitations through ${Number(lastDay.slice(5, 7))}/${Number(lastDay.slice(8, 10))}`);
    expect(text).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("days away", () => {
  it("are stored as unavailable: an on-site request on those days goes to someone else first", async () => {
    const expert = await firstChoice();
    const b = await bot();
    // The request asks for next week; the expert is away all of it and free otherwise.
    const monday = isoDate(mondayOf(dayNumberOfDate(dayOf(new Date()))) + 7);
    const sunday = addDays(monday, 6);
    const said = await b.run([`/as ${expert}`, "/in dm", `${zhDay(monday)}到${zhDay(sunday)}出差，其他时间都行`]);
    const reply = said.join("\n");
    expect(reply).toContain(`${zhDay(monday)}至${zhDay(sunday)}不在`);
    expect(reply).toContain("现场需求会先请其他专家");
    expect((await b.run(["我的资料"])).join("\n")).toContain(`不在：${zhDay(monday)}至${zhDay(sunday)}`);

    const lines = await b.run([`/in ${group}`, "/as 东莞精工科技-王经理", ask]);
    expect(offeredTo(lines)).not.toBe(expert);
    // Nothing paused them: they still take offers.
    const row = await b.app.services.db.expert.findFirstOrThrow({ where: { name: expert } });
    expect(row.paused).toBe(false);
  });
});

describe("a pause said the way experts talk", () => {
  /** What the bot says back to `lines`, without the chat prefix. */
  const replies = (lines: string[]) => lines.map((line) => line.replace(/^.*?匠桥: /, "")).join("\n");

  it("in Cantonese: the end is in the reply and the profile, and staff hear it when /assign is refused", async () => {
    const b = await bot();
    const { db } = b.app.services;
    const expert = await db.expert.findFirstOrThrow({ where: { isDemo: true, paused: false } });
    const lastDay = addDays(dayOf(new Date()), 18);
    const said = replies(
      await b.run([`/as ${expert.name}`, "/in dm", `${zhDay(lastDay).replace("日", "号")}前唔接单`]),
    );
    expect(said).toContain(`${zhDay(lastDay)}（含当天）之前不再向您发出邀请`);
    expect(said).toContain(`${zhDay(addDays(lastDay, 1))}起自动恢复接单`);
    expect(replies(await b.run(["我的资料"]))).toContain(`接单状态：暂停至${zhDay(lastDay)}`);

    await b.run(["/in 东莞制造企业群", "/as 东莞精工科技-王经理", ask]);
    const refused = replies(await b.run(["/as 工会小陈", "/in dm", `/assign R-0001 ${expert.externalId}`]));
    expect(refused).toContain(`${expert.name}已暂停接单至${zhDay(lastDay)}`);
    expect(refused).toContain(`${zhDay(addDays(lastDay, 1))}起自动恢复`);
  });

  it("呢排好忙，下个礼拜先算: paused until this week ends, not for the default fortnight", async () => {
    const b = await bot();
    const expert = await b.app.services.db.expert.findFirstOrThrow({ where: { isDemo: true } });
    const sunday = isoDate(mondayOf(dayNumberOfDate(dayOf(new Date()))) + 6);
    const said = replies(await b.run([`/as ${expert.name}`, "/in dm", "呢排好忙，下个礼拜先算"]));
    expect(said).toContain(`${zhDay(sunday)}（含当天）之前不再向您发出邀请`);
    expect(said).not.toContain("先暂停14天");
  });

  it("月底之前冇时间 ends with the month", async () => {
    const b = await bot();
    const expert = await b.app.services.db.expert.findFirstOrThrow({ where: { isDemo: true } });
    const { year, month } = ymd(dayNumberOfDate(dayOf(new Date())));
    const lastDay = isoDate(monthEnd(year, month));
    const said = replies(await b.run([`/as ${expert.name}`, "/in dm", "月底之前冇时间"]));
    expect(said).toContain(`${zhDay(lastDay)}（含当天）之前不再向您发出邀请`);
  });

  it("in English with a day and no month: the next such day", async () => {
    const b = await bot();
    const expert = await b.app.services.db.expert.findFirstOrThrow({ where: { isDemo: true } });
    const lastDay = addDays(dayOf(new Date()), 10);
    const day = Number(lastDay.slice(8, 10));
    const suffix = day >= 11 && day <= 13 ? "th" : (["th", "st", "nd", "rd"][day % 10] ?? "th");
    const nth = `${day}${suffix}`;
    const said = replies(await b.run([`/as ${expert.name}`, "/in dm", `away until the ${nth}`]));
    expect(said).toContain(`no invitations through ${Number(lastDay.slice(5, 7))}/${day}`);
    const back = replies(await b.run([`I'm travelling, back on the ${nth}`]));
    const before = addDays(lastDay, -1);
    expect(back).toContain(`no invitations through ${Number(before.slice(5, 7))}/${Number(before.slice(8, 10))}`);
  });
});
