// What the console refuses, checked over HTTP without a browser: no data without a session, forms without
// their CSRF token, links used twice or guessed in bulk, sessions of someone no longer staff; and what every
// page carries (CSP with no inline script, escaped text). `/console` in the chat and `console-link` too.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createConsole, sessionCookie } from "../../console/console-app.ts";
import { findStaffMember } from "../../prisma/console-people.ts";
import { createConsoleLink } from "../../prisma/console-sessions.ts";
import { useTestBots } from "../support/bots.ts";
import type { TestBot } from "../support/test-bot.ts";

const bot = useTestBots();

async function loggedIn(b: TestBot, name = "工会小陈") {
  const { services } = b.app;
  const app = createConsole({ services, loginAttemptsPerMinute: 5 });
  const member = await findStaffMember(services.db, services.config, name);
  if (!member) throw new Error(`${name} is not staff`);
  const token = await createConsoleLink(services.db, member.personId);
  const login = await app.request("/login", { method: "POST", body: new URLSearchParams({ token }) });
  expect(login.status).toBe(303);
  const cookie = /craftbridge_console=([^;]+)/.exec(login.headers.get("set-cookie") ?? "")?.[1] ?? "";
  expect(login.headers.get("set-cookie")).toMatch(/HttpOnly/i);
  expect(login.headers.get("set-cookie")).toMatch(/SameSite=Lax/i);
  const get = (url: string) => app.request(url, { headers: { cookie: `${sessionCookie}=${cookie}` } });
  const post = (url: string, form: Record<string, string>) =>
    app.request(url, {
      method: "POST",
      headers: { cookie: `${sessionCookie}=${cookie}` },
      body: new URLSearchParams(form),
    });
  return { app, token, get, post, member };
}

describe("the console's safety", () => {
  it("shows no programme data without a session and sends a CSP without inline scripts", async () => {
    const b = await bot();
    const app = createConsole({ services: b.app.services });
    for (const url of ["/", "/requests/R-0001", "/experts", "/experts/D001", "/programme", "/programme/roster/csv"]) {
      const response = await app.request(url);
      expect(response.status, url).toBe(401);
      expect(await response.text()).toContain("/console");
    }
    const csp = (await app.request("/")).headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
  });

  it("refuses a form without its CSRF token and escapes what enterprises wrote", async () => {
    const b = await bot();
    await b.run(["/in 东莞制造企业群", "/as 王经理", "@匠桥 东莞的数控加工<script>alert(1)</script>需要专家现场指导"]);
    const { get, post } = await loggedIn(b);
    const page = await (await get("/requests/R-0001")).text();
    expect(page).not.toContain("<script>alert(1)</script>");
    expect(page).toContain("&lt;script&gt;");
    expect((await post("/requests/R-0001/close", {})).status).toBe(403);
    expect((await post("/requests/R-0001/close", { _csrf: "forged" })).status).toBe(403);
    const request = await b.app.services.db.helpRequest.findUniqueOrThrow({ where: { code: "R-0001" } });
    expect(request.status).not.toBe("closed");
  });

  it("limits login attempts per address", async () => {
    const b = await bot();
    const app = createConsole({ services: b.app.services, loginAttemptsPerMinute: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await app.request("/login", {
        method: "POST",
        body: new URLSearchParams({ token: `guess-${i}` }),
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it("ends the session of someone removed from the staff", async () => {
    const b = await bot({ ADMINS: "管理员老王" });
    await b.run(["/as 小李", "/in dm", "你好"]);
    const added = await b.run(["/as 管理员老王", "/in dm", "/staff add 小李 staff"]);
    expect(added.join("\n")).toContain("小李");
    const { get } = await loggedIn(b, "小李");
    expect((await get("/")).status).toBe(200);
    await b.run(["/as 管理员老王", "/in dm", "/staff remove 小李"]);
    expect((await get("/")).status).toBe(401);
  });
});

describe("getting a link", () => {
  it("is /console in a private chat, never in a group", async () => {
    const b = await bot();
    const inGroup = await b.run(["/as 工会小陈", "/in 工会工作群", "@匠桥 /console"]);
    // "/console" alone reads as English: the answer comes in the speaker's language.
    expect(inGroup.join("\n")).toMatch(/请在与我的私聊中发送 \/console|send \/console to me in a private chat/);
    expect(inGroup.join("\n")).not.toContain("/login/");
    const lines = await b.run(["/in dm", "/console"]);
    const link = /http:\/\/127\.0\.0\.1:8080\/login\/\S+/.exec(lines.join("\n"))?.[0];
    expect(link).toBeDefined();
    // The link works once.
    const app = createConsole({ services: b.app.services });
    const token = link?.split("/login/")[1] ?? "";
    const first = await app.request("/login", { method: "POST", body: new URLSearchParams({ token }) });
    const second = await app.request("/login", { method: "POST", body: new URLSearchParams({ token }) });
    expect([first.status, second.status]).toEqual([303, 401]);
  });

  it("is refused to an enterprise in the chat and by console-link", async () => {
    const b = await bot();
    const lines = await b.run(["/as 东莞精工科技-王经理", "/in dm", "/console"]);
    expect(lines.join("\n")).not.toContain("/login/");
    const database = b.app.services.config.DATABASE_URL;
    const run = (name: string) =>
      spawnSync(process.execPath, [path.join("bin", "craftbridge.js"), "console-link", name], {
        encoding: "utf8",
        timeout: 120_000,
        env: { ...process.env, DATABASE_URL: database, LOG_LEVEL: "" },
      });
    const refused = run("东莞精工科技-王经理");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("不是工作人员或管理员");
    const printed = run("工会小陈");
    expect(printed.status, printed.stderr).toBe(0);
    expect(printed.stdout).toMatch(/^http:\/\/127\.0\.0\.1:8080\/login\/[\w-]+\n$/);
  }, 300_000); // Two CLI processes start under tsx: slow on a busy machine.
});
