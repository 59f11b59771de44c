// Who may use which command, as each role finds out in the chat: enterprise, expert, staff, team leader
// and admin. Allowed commands answer; the others are refused politely, naming the command.
import { describe, expect, it } from "vitest";
import { useTestBots } from "../support/bots.ts";

const group = "东莞制造企业群";
const manager = "东莞精工科技-王经理";
const dongguanAsk = "@匠桥 我们厂在东莞，数控加工的薄壁件变形严重，想请专家下周来现场指导";
const droneAsk = "@匠桥 我们公司在深圳，无人机飞控调试经常失控，想请专家远程指导";

const bot = useTestBots();

const text = (lines: string[]) => lines.join("\n");

describe("an enterprise", () => {
  it("is told how to ask for help, and is refused staff and admin commands politely", async () => {
    const b = await bot();
    const help = text(await b.run([`/in ${group}`, `/as ${manager}`, "@匠桥 帮助"]));
    expect(help).toContain("企业遇到技术难题");
    expect(help).not.toContain("/requests");
    expect(help).not.toContain("我的资料");
    for (const command of ["/requests", "/request R-0001", "/expert D001", "/find 数控 东莞", "/teams", "/stats"]) {
      const [answer] = await b.say(command);
      expect(answer).toBe(`[${group}] 匠桥: 抱歉，“/${command.slice(1).split(" ")[0]}”仅供工会工作人员使用。`);
    }
    expect(await b.say("/staff add 王经理 admin")).toEqual([`[${group}] 匠桥: 抱歉，“/staff”仅供管理员使用。`]);
    expect(text(await b.say("/profile"))).toContain("专家档案是劳模工匠的功能");
    expect(await b.app.services.db.person.count({ where: { role: "admin" } })).toBe(0);
  });
});

describe("an expert", () => {
  it("is told about time, offers and the profile, sees the profile, and may not use staff commands", async () => {
    const b = await bot();
    const help = text(await b.run(["/as 陈志强", "/in dm", "帮助"]));
    expect(help).toContain("我周二、周四下午有空");
    expect(help).toContain("我的资料");
    expect(help).not.toContain("/requests");
    expect(help).not.toContain("企业遇到技术难题");
    expect(text(await b.say("/profile"))).toContain("陈志强（D001）");
    expect(await b.say("/find 数控")).toEqual(["[dm:陈志强] 匠桥: 抱歉，“/find”仅供工会工作人员使用。"]);
    expect(await b.say("/staff")).toEqual(["[dm:陈志强] 匠桥: 抱歉，“/staff”仅供管理员使用。"]);
  });

  it("answers in English to an expert who writes in English", async () => {
    const b = await bot();
    const help = text(await b.run(["/as 陈志强", "/in dm", "help"]));
    expect(help).toContain('Send "my profile"');
    expect(help).not.toContain("Staff commands");
  });
});

describe("staff", () => {
  it("get their commands in help, without /staff, which is for admins", async () => {
    const b = await bot();
    const help = text(await b.run(["/as 工会小陈", "/in dm", "帮助"]));
    for (const command of [
      "/requests",
      "/request",
      "/expert",
      "/find",
      "/assign",
      "/rematch",
      "/close",
      "/stats",
      "/teams",
    ]) {
      expect(help).toContain(command);
    }
    expect(help).not.toContain("/staff");
    expect(help).not.toContain("企业遇到技术难题");
    expect(await b.say("/staff add 张三")).toEqual(["[dm:工会小陈] 匠桥: 抱歉，“/staff”仅供管理员使用。"]);
  });

  it("read an expert's card, with the phone only in a private chat", async () => {
    const b = await bot();
    const card = text(await b.run(["/as 工会小陈", "/in dm", "/expert D001"]));
    expect(card).toContain("陈志强（D001）");
    expect(card).toContain("荣誉：全国劳动模范、南粤工匠");
    expect(card).toContain("单位：东莞市锐锋精密五金有限公司 · 首席技师");
    expect(card).toContain("服务队：精密制造");
    expect(card).toContain("技能：数控加工、薄壁件加工、五轴编程");
    expect(card).toContain("服务方式：现场、远程");
    expect(card).toContain("所在城市：东莞（长安镇）");
    expect(card).toContain("空闲时间：尚未登记");
    expect(card).toContain("电话：13900000001");
    expect(text(await b.say("/expert 陈志强"))).toContain("陈志强（D001）");
    expect(text(await b.say("/expert 无此人"))).toContain("没有找到专家“无此人”");

    const inGroup = text(await b.run([`/in ${group}`, "/expert D001"]));
    expect(inGroup).toContain("陈志强（D001）");
    expect(inGroup).toContain("电话：仅在私聊中显示");
    expect(inGroup).not.toContain("13900000001");
  });

  it("see availability in words and this year's offers on the card", async () => {
    const b = await bot();
    const expert = await b.app.services.db.expert.findFirstOrThrow({ where: { externalId: "D001" } });
    await b.run(["/as 陈志强", "/in dm", "我周二、周四下午有空，可以远程"]);
    await b.run([`/in ${group}`, `/as ${manager}`, dongguanAsk]);
    const offered = await b.app.services.db.match.count({ where: { expertId: expert.id, offeredAt: { not: null } } });
    const card = text(await b.run(["/as 工会小陈", "/in dm", "/expert D001"]));
    expect(card).toContain("空闲时间：周二 14:00-18:00、周四 14:00-18:00（远程）");
    expect(card).toMatch(new RegExp(`\\d{4} 年：邀请 ${offered} 次，接受 0 次`));
  });

  it("find experts by skill and city, by a symptom's skill, and by name", async () => {
    const b = await bot();
    const found = await b.run(["/as 工会小陈", "/in dm", "/find 数控 东莞"]);
    const [header, ...lines] = text(found).split(" ⏎ ");
    expect(header).toMatch(/找到 \d+ 位专家：/);
    expect(lines[0]).toMatch(/^D00\d \S+ · 东莞 · 精密制造 · .*数控加工/);
    for (const line of lines) expect(line).toContain("东莞");
    expect(text(await b.say("/find 加工中心 东莞"))).toContain("数控加工");
    expect(text(await b.say("/find 陈志强"))).toContain("D001 陈志强");
    expect(text(await b.say("/find 水稻育种 东莞"))).toContain("东莞暂无相符的专家，其他城市的有： ⏎ D033 温稻丰");
  });

  it("list service teams and requests of one team", async () => {
    const b = await bot();
    await b.run([`/in ${group}`, `/as ${manager}`, dongguanAsk, droneAsk]);
    const teams = text(await b.run(["/as 工会小陈", "/in dm", "/teams"])).split(" ⏎ ");
    expect(teams[0]).toMatch(/^\[dm:工会小陈\] 匠桥: 各服务队概况（\d{4}-\d{2}）：$/);
    expect(teams).toHaveLength(17);
    expect(teams).toContainEqual(expect.stringMatching(/^精密制造：专家 \d+ 位 · 进行中需求 1 条 · 本月对接 0 次$/));
    expect(teams).toContainEqual(expect.stringMatching(/^数字低空：专家 \d+ 位 · 进行中需求 1 条 · 本月对接 0 次$/));
    const all = text(await b.say("/requests"));
    expect(all).toContain("R-0001");
    expect(all).toContain("R-0002");
    const precision = text(await b.say("/requests team 精密制造"));
    expect(precision).toContain("精密制造服务队的需求（1 条）");
    expect(precision).toContain("R-0001");
    expect(precision).not.toContain("R-0002");
    expect(text(await b.say("/requests team 火星"))).toContain("没有“火星”这个服务队");
  });
});

describe("a team leader", () => {
  it("sees and acts on its own service team only", async () => {
    const b = await bot({ ADMINS: "王主任" });
    await b.run([`/in ${group}`, `/as ${manager}`, dongguanAsk, droneAsk]);
    await b.run(["/as 张队长", "/in dm", "你好"]);
    const made = await b.run(["/as 王主任", "/in dm", "/staff add 张队长 team_leader 精密制造"]);
    expect(text(made)).toContain("已将张队长设为精密制造服务队队长");
    expect(text(made)).toContain("[dm:张队长] 匠桥: 您已被设为精密制造服务队队长");

    await b.run(["/as 张队长", "/in dm"]);
    const help = text(await b.say("帮助"));
    expect(help).toContain("您是精密制造服务队队长");
    expect(help).toContain("/requests");
    expect(help).not.toContain("/staff");

    const requests = text(await b.say("/requests"));
    expect(requests).toContain("精密制造服务队的需求（1 条）");
    expect(requests).toContain("R-0001");
    expect(requests).not.toContain("R-0002");
    expect(text(await b.say("/requests team 数字低空"))).toContain("您只能查看精密制造服务队的信息");
    expect(text(await b.say("/request R-0001"))).toContain("需求 R-0001");
    expect(await b.say("/request R-0002")).toEqual(["[dm:张队长] 匠桥: 抱歉，需求 R-0002 不属于您负责的服务队。"]);
    expect(await b.say("/close R-0002")).toEqual(["[dm:张队长] 匠桥: 抱歉，需求 R-0002 不属于您负责的服务队。"]);
    expect((await b.app.services.db.helpRequest.findUniqueOrThrow({ where: { code: "R-0002" } })).status).not.toBe(
      "closed",
    );

    const stats = text(await b.say("/stats"));
    expect(stats).toContain("精密制造服务队：需求 1 条");
    const teams = text(await b.say("/teams")).split(" ⏎ ");
    expect(teams).toHaveLength(2);
    expect(teams[1]).toMatch(/^精密制造：/);
    expect(text(await b.say("/find 数控 东莞"))).toContain("精密制造");
    expect(text(await b.say("/find 无人机"))).toContain("没有找到与“无人机”相符的专家");
    expect(text(await b.say("/find 数字低空"))).toContain("您只能查看精密制造服务队的信息");

    expect(text(await b.say("/close R-0001"))).toContain("需求 R-0001 已关闭");
    expect(await b.say("/staff remove 工会小陈")).toEqual(["[dm:张队长] 匠桥: 抱歉，“/staff”仅供管理员使用。"]);
  });
});

describe("an admin", () => {
  it("is set in configuration, sees /staff in help, and adds and removes staff", async () => {
    const b = await bot({ ADMINS: "王主任", STAFF: "terminal:李干事" });
    const help = text(await b.run(["/as 王主任", "/in dm", "帮助"]));
    expect(help).toContain("/staff add");
    expect(help).toContain("/requests");

    expect(text(await b.say("/staff add 小李"))).toContain("没有找到“小李”");
    await b.run(["/as 小李", "/in dm", "你好"]);
    expect(await b.say("/stats")).toEqual(["[dm:小李] 匠桥: 抱歉，“/stats”仅供工会工作人员使用。"]);
    const added = await b.run(["/as 王主任", "/in dm", "/staff add 小李"]);
    expect(added[0]).toBe("[dm:王主任] 匠桥: 已将小李设为工作人员。");
    expect(text(await b.run(["/as 小李", "/in dm", "/stats"]))).toMatch(/专家 \d+ 位/);

    // A staff member from STAFF, by platform:id, is staff from the first message on.
    expect(text(await b.run(["/as 李干事", "/in dm", "/stats"]))).toMatch(/专家 \d+ 位/);

    // An expert can be made admin by roster id.
    expect(text(await b.run(["/as 王主任", "/in dm", "/staff add D001 admin"]))).toContain("已将陈志强设为管理员");
    const list = text(await b.say("/staff"));
    for (const line of ["王主任 · 管理员", "陈志强 · 管理员", "小李 · 工作人员", "李干事 · 工作人员"]) {
      expect(list).toContain(line);
    }

    expect(await b.say("/staff remove 小李")).toEqual(["[dm:王主任] 匠桥: 已取消小李的工作人员身份。"]);
    expect(text(await b.run(["/as 小李", "/in dm", "/stats"]))).toContain("仅供工会工作人员使用");
    expect(text(await b.run(["/as 王主任", "/in dm", "/staff remove 王主任"]))).toContain(
      "是在配置（ADMINS 或 STAFF）中设置的",
    );
    expect(text(await b.say("/staff remove 陈志强"))).toContain("已取消陈志强的工作人员身份");
    // 陈志强 is an expert again, not an enterprise.
    const help2 = text(await b.run(["/as 陈志强", "/in dm", "帮助"]));
    expect(help2).toContain("我的资料");
    expect(help2).not.toContain("/requests");
  });
});
