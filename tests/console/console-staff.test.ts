// Roles in the console as in the chat: an admin manages the staff on the staff page (the chat's own /staff,
// so the person added hears it in their chat, and a removed member's console ends), other staff do not
// see that page; and the console speaks Chinese first, English to a reader whose browser asks for it.
import { describe, expect, it } from "vitest";
import { createConsole, sessionCookie } from "../../console/console-app.ts";
import { findStaffMember } from "../../prisma/console-people.ts";
import { createConsoleLink } from "../../prisma/console-sessions.ts";
import { useTestBots } from "../support/bots.ts";
import type { TestBot } from "../support/test-bot.ts";

const bot = useTestBots();

/** A browser of `name`'s, logged in by a link, sending `language` as its Accept-Language. */
async function browserOf(b: TestBot, name: string, language = "zh-CN,zh;q=0.9") {
  const { services } = b.app;
  const app = createConsole({ services });
  const member = await findStaffMember(services.db, services.config, name);
  if (!member) throw new Error(`${name} is not staff`);
  const token = await createConsoleLink(services.db, member.personId);
  const login = await app.request("/login", {
    method: "POST",
    headers: { "accept-language": language },
    body: new URLSearchParams({ token }),
  });
  const cookie = /craftbridge_console=([^;]+)/.exec(login.headers.get("set-cookie") ?? "")?.[1] ?? "";
  const headers = { cookie: `${sessionCookie}=${cookie}`, "accept-language": language };
  const get = async (url: string) => {
    const response = await app.request(url, { headers });
    return { status: response.status, text: await response.text() };
  };
  const csrf = async () => /name="_csrf" value="([^"]+)"/.exec((await get("/")).text)?.[1] ?? "";
  const post = async (url: string, form: Record<string, string>) => {
    const response = await app.request(url, {
      method: "POST",
      headers,
      body: new URLSearchParams({ _csrf: await csrf(), ...form }),
    });
    return response.status;
  };
  return { get, post };
}

describe("the staff page", () => {
  it("lets an admin add a team leader, who hears it in the chat, and remove them, whose console ends", async () => {
    const b = await bot({ ADMINS: "管理员老王" });
    await b.run(["/as 管理员老王", "/in dm", "你好", "/as 小李", "/in dm", "你好"]);
    const admin = await browserOf(b, "管理员老王");
    expect((await admin.get("/")).text).toContain('href="/staff"');
    await admin.post("/staff/add", { who: "小李", role: "team_leader", team: "precision_manufacturing" });
    const staffPage = await admin.get("/staff");
    expect(staffPage.text).toContain("已将小李设为精密制造服务队队长。");
    expect(staffPage.text).toMatch(/<td>小李<\/td>\s*<td>精密制造服务队队长<\/td>/);
    await b.waitFor(/^\[dm:小李\] 匠桥: 您已被设为精密制造服务队队长/);

    // The new team leader: a console of their own team, and no staff page.
    const leader = await browserOf(b, "小李");
    const board = await leader.get("/");
    expect(board.status).toBe(200);
    expect(board.text).toContain("精密制造服务队队长");
    expect(board.text).not.toContain('href="/staff"');
    expect((await leader.get("/staff")).status).toBe(403);
    expect(await leader.post("/staff/remove", { who: "管理员老王" })).toBe(403);

    // The chat's rules hold on the page: a team leader needs a team.
    await admin.post("/staff/add", { who: "小李", role: "team_leader", team: "" });
    expect((await admin.get("/staff")).text).toContain("请写明服务队");

    await admin.post("/staff/remove", { who: "terminal:小李" });
    const after = await admin.get("/staff");
    expect(after.text).toContain("已取消小李的工作人员身份。");
    expect(after.text).not.toMatch(/<td>小李<\/td>/);
    expect((await leader.get("/")).status).toBe(401);
  });
});

describe("the console's language", () => {
  it("is Chinese first and English for a reader whose browser prefers it", async () => {
    const b = await bot({ STAFF: "Alex" });
    const app = createConsole({ services: b.app.services });
    const login = async (language: string) =>
      (await app.request("/login/any", { headers: { "accept-language": language } })).text();
    expect(await login("zh-CN,zh;q=0.9,en;q=0.8")).toContain("进入工作台");
    expect(await login("en-US,en;q=0.9")).toContain("Enter the console");
    expect(await login("fr-FR,en;q=0.5,zh;q=0.8")).toContain("进入工作台");
    expect(await login("")).toContain("进入工作台");

    const english = await browserOf(b, "Alex", "en-GB,en;q=0.9");
    const board = await english.get("/");
    expect(board.text).toContain('<html lang="en">');
    expect(board.text).toContain("Board");
    // An expert who had their data erased reads as such in the reader's language.
    await b.run(["/as 陈志强", "/in dm", "删除我的信息", "确认注销"]);
    expect((await english.get("/experts/D001")).text).toContain("<h1>(account closed)</h1>");
    // Chosen once, the language stays whatever the browser says.
    await english.post("/locale", { locale: "zh-CN", back: "/" });
    expect((await english.get("/")).text).toContain("需求看板");
    expect((await english.get("/experts/D001")).text).toContain("<h1>（已注销）</h1>");
  });
});
