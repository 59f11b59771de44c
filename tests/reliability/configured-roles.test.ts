// Roles given by ADMINS and STAFF last only as long as the configuration names the person: after a
// restart without them, staff commands are refused, console sessions are over, and an expert made
// staff by configuration is an expert again. A role given in the chat stays. A team leader reads the
// cards of its own team only, so never another team's expert's phone.
import { describe, expect, it } from "vitest";
import { createConsole, sessionCookie } from "../../console/console-app.ts";
import { findStaffMember } from "../../prisma/console-people.ts";
import { createConsoleLink } from "../../prisma/console-sessions.ts";
import { useTestBots } from "../support/bots.ts";
import type { TestBot } from "../support/test-bot.ts";

const bot = useTestBots();
const text = (lines: string[]) => lines.join("\n");
const refusedStaff = (who: string, command: string) => `[dm:${who}] 匠桥: 抱歉，“/${command}”仅供工会工作人员使用。`;

/** A console session of a staff member, as a browser holds it after the login link. */
async function consoleSession(b: TestBot, name: string): Promise<string> {
  const { services } = b.app;
  const member = await findStaffMember(services.db, services.config, name);
  if (!member) throw new Error(`${name} is not staff`);
  const token = await createConsoleLink(services.db, member.personId);
  const login = await createConsole({ services }).request("/login", {
    method: "POST",
    body: new URLSearchParams({ token }),
  });
  expect(login.status).toBe(303);
  return /craftbridge_console=([^;]+)/.exec(login.headers.get("set-cookie") ?? "")?.[1] ?? "";
}

function consolePage(b: TestBot, cookie: string) {
  return createConsole({ services: b.app.services }).request("/", {
    headers: { cookie: `${sessionCookie}=${cookie}` },
  });
}

describe("roles set in the configuration", () => {
  it("end when the configuration drops the person, in the chat and in the console", async () => {
    const first = await bot({ ADMINS: "王主任", STAFF: "terminal:李干事,陈志强" });
    expect(text(await first.run(["/as 李干事", "/in dm", "/stats"]))).toMatch(/专家 \d+ 位/);
    // 陈志强 is the roster expert D001, raised to staff by configuration.
    expect(text(await first.run(["/as 陈志强", "/in dm", "/requests"]))).not.toContain("仅供工会工作人员使用");
    await first.run(["/as 小李", "/in dm", "你好"]);
    expect(text(await first.run(["/as 王主任", "/in dm", "/staff add 小李 admin"]))).toContain("已将小李设为管理员");
    const cookie = await consoleSession(first, "李干事");
    expect((await consolePage(first, cookie)).status).toBe(200);
    const kept = await first.crash();

    const second = await bot({ ADMINS: "", STAFF: "" }, kept);
    // Before anyone speaks: the console session of a staff member no longer configured is over.
    expect((await consolePage(second, cookie)).status).toBe(401);
    expect(await second.run(["/as 李干事", "/in dm", "/stats"])).toEqual([refusedStaff("李干事", "stats")]);
    expect(await second.run(["/as 王主任", "/in dm", "/requests"])).toEqual([refusedStaff("王主任", "requests")]);
    expect(await second.say("/staff")).toEqual(["[dm:王主任] 匠桥: 抱歉，“/staff”仅供管理员使用。"]);
    // The expert is an expert again, with the profile and without staff commands.
    const expertHelp = text(await second.run(["/as 陈志强", "/in dm", "帮助"]));
    expect(expertHelp).toContain("我的资料");
    expect(expertHelp).not.toContain("/requests");
    // The admin made in the chat stays admin.
    expect(text(await second.run(["/as 小李", "/in dm", "/staff"]))).toContain("小李 · 管理员");
    // Two starts of a whole bot: room for a busy machine, not a deadline.
  }, 180_000);

  it("change when an admin becomes staff in the configuration, and come back when named again", async () => {
    const first = await bot({ ADMINS: "terminal:王主任" });
    expect(text(await first.run(["/as 王主任", "/in dm", "/staff"]))).toContain("王主任 · 管理员");
    const kept = await first.crash();

    const second = await bot({ STAFF: "terminal:王主任" }, kept);
    expect(await second.run(["/as 王主任", "/in dm", "/staff"])).toEqual([
      "[dm:王主任] 匠桥: 抱歉，“/staff”仅供管理员使用。",
    ]);
    expect(text(await second.say("/stats"))).toMatch(/专家 \d+ 位/);
    const again = await second.crash();

    const third = await bot({ ADMINS: "terminal:王主任" }, again);
    expect(text(await third.run(["/as 王主任", "/in dm", "/staff"]))).toContain("王主任 · 管理员");
  }, 180_000);
});

describe("a team leader reading expert cards", () => {
  it("sees its own team's expert with the phone and is refused another team's expert", async () => {
    const b = await bot({ ADMINS: "王主任" });
    const { db } = b.app.services;
    const own = await db.expert.findFirstOrThrow({ where: { externalId: "D001" } });
    const other = await db.expert.findFirstOrThrow({
      where: { teamKey: { not: own.teamKey }, phone: { not: null }, active: true },
      orderBy: { externalId: "asc" },
    });
    await b.run(["/as 张队长", "/in dm", "你好"]);
    expect(text(await b.run(["/as 王主任", "/in dm", "/staff add 张队长 team_leader 精密制造"]))).toContain(
      "设为精密制造服务队队长",
    );

    const ownCard = text(await b.run(["/as 张队长", "/in dm", "/expert D001"]));
    expect(ownCard).toContain(`${own.name}（D001）`);
    expect(ownCard).toContain(`电话：${own.phone}`);

    for (const name of [other.externalId, other.name]) {
      const answer = await b.say(`/expert ${name}`);
      expect(answer).toEqual([`[dm:张队长] 匠桥: 抱歉，${other.name}不属于您负责的服务队。`]);
      expect(text(answer)).not.toContain(other.phone ?? "-");
    }
    // Staff see every team's card.
    expect(text(await b.run(["/as 工会小陈", "/in dm", `/expert ${other.externalId}`]))).toContain(
      `电话：${other.phone}`,
    );
  });
});
