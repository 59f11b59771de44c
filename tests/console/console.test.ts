// The staff console as staff use it in a browser: log in with a link from the chat, find a request,
// assign an expert (who gets the offer in their chat), open a profile; and what it refuses.
import { describe, expect, it } from "vitest";
import { offeredTo, useTestBots } from "../support/bots.ts";
import { useConsole } from "./console-browser.ts";

const group = "东莞制造企业群";
const manager = "东莞精工科技-王经理";
const ask = "@匠桥 我们厂在东莞，数控加工的薄壁件变形严重，想请专家下周来现场指导";

const bot = useTestBots();
const consoleFor = useConsole();

describe("the staff console", () => {
  it("logs staff in by a link, shows a request and assigns an expert whose chat gets the offer", async () => {
    const b = await bot();
    await b.run([`/in ${group}`, `/as ${manager}`, ask]);
    const app = await consoleFor(b);
    const page = await app.logIn(await app.linkFor("工会小陈"));
    await expect(page.getByRole("heading", { name: "需求看板" }).isVisible()).resolves.toBe(true);
    await page.getByRole("link", { name: "R-0001" }).first().click();
    await page.getByRole("heading", { name: "需求 R-0001" }).waitFor();
    expect(await page.textContent("main")).toContain("数控加工");
    const chosen = await b.app.services.db.expert.findFirstOrThrow({ where: { city: "广州", active: true } });
    await page.getByLabel("指派专家（编号或姓名）").fill(chosen.externalId);
    await page.getByRole("button", { name: "指派", exact: true }).click();
    await page.getByText(`已将需求 R-0001 指派给${chosen.name}`).waitFor();
    await b.waitFor(new RegExp(`^\\[dm:${chosen.name}\\] 匠桥: .*R-0001.*\\[1:接受\\]`));
  });

  it("re-matches a request through the chat's /rematch: the timeline and the experts' chats show it", async () => {
    const b = await bot();
    const first = offeredTo(await b.run([`/in ${group}`, `/as ${manager}`, ask]));
    const app = await consoleFor(b);
    const page = await app.logIn(await app.linkFor("工会小陈"));
    await page.goto(`${app.url}/requests/R-0001`);
    await page.getByRole("button", { name: "重新匹配" }).click();
    await page.getByText("需求 R-0001 正在重新匹配。").waitFor();
    expect(await page.locator("ol.timeline").textContent()).toContain("工作人员重新匹配");
    // The chat's own lifecycle: the first offer withdrawn in that expert's chat, the next expert asked in theirs.
    await b.waitFor(new RegExp(`^\\[dm:${first}\\] 匠桥: 需求 R-0001 的邀请已撤回`));
    await b.waitFor(new RegExp(`^\\[dm:(?!${first}\\])[^\\]]+\\] 匠桥: .*R-0001.*\\[1:接受\\]`));
  });

  it("refuses a link the second time, and pages without a session", async () => {
    const b = await bot();
    const app = await consoleFor(b);
    const link = await app.linkFor("工会小陈");
    await app.logIn(link);
    const again = await app.logIn(link);
    await again.getByText("这个登录链接无效、已过期或已被使用").waitFor();
    const anonymous = await app.newPage();
    const response = await anonymous.goto(`${app.url}/experts`);
    expect(response?.status()).toBe(401);
    expect(await anonymous.textContent("body")).toContain("/console");
  });

  it("shows a team leader its own team only", async () => {
    const b = await bot();
    await b.run([`/in ${group}`, `/as ${manager}`, ask]);
    const { db } = b.app.services;
    const request = await db.helpRequest.findUniqueOrThrow({ where: { code: "R-0001" } });
    const other = request.teamKey === "digital_shipping" ? "seed_agriculture" : "digital_shipping";
    const leader = await db.person.create({
      data: { displayName: "队长小林", role: "team_leader", staffTeamKey: other },
    });
    const app = await consoleFor(b);
    const page = await app.logIn(await app.linkForPerson(leader.id));
    expect(await page.textContent("main")).not.toContain("R-0001");
    const response = await page.goto(`${app.url}/requests/R-0001`);
    expect(response?.status()).toBe(403);
  });
});
