// An expert sees and corrects their own profile in the chat and says they agree to be contacted.
import { describe, expect, it } from "vitest";
import { parseProfileEdit } from "../../handlers/profile/profile-edits.ts";
import { useTestBots } from "../support/bots.ts";
import type { TestBot } from "../support/test-bot.ts";

const bot = useTestBots();

const text = (lines: string[]) => lines.join("\n");
const d001 = (b: TestBot) => b.app.services.db.expert.findFirstOrThrow({ where: { externalId: "D001" } });

describe("an expert's own profile", () => {
  it("is shown privately with how to correct it and how to consent", async () => {
    const b = await bot();
    const card = text(await b.run(["/as 陈志强", "/in dm", "我的资料"]));
    expect(card).toMatch(/^\[dm:陈志强\] 匠桥: 陈志强（D001） ⏎ 荣誉：全国劳动模范、南粤工匠/);
    expect(card).toContain("电话：13900000001");
    expect(card).toContain("同意被联系：尚未确认");
    expect(card).toContain("我的城市改成佛山");
    expect(card).toContain("回复“同意”表示同意");

    // Asked in a group, the card (with the phone) still goes privately.
    const inGroup = await b.run(["/in 东莞制造企业群", "@匠桥 我的资料"]);
    expect(inGroup).toContainEqual(expect.stringMatching(/^\[dm:陈志强\] 匠桥: 陈志强（D001）/));
    expect(inGroup).toContainEqual("[东莞制造企业群] 匠桥: 已私信发送您的专家档案。");
    expect(inGroup.filter((line) => line.startsWith("[东莞制造企业群]")).join("\n")).not.toContain("1390000");
  });

  it("is corrected in plain words: city, skills, phone, employer", async () => {
    const b = await bot();
    await b.run(["/as 陈志强", "/in dm"]);
    expect(await b.say("我的城市改成佛山")).toEqual(["[dm:陈志强] 匠桥: 已将您的城市改为佛山。"]);
    expect(await b.say("技能加上 激光切割、数控加工")).toEqual([
      "[dm:陈志强] 匠桥: 已更新，您的技能：数控加工、薄壁件加工、五轴编程、激光切割。",
    ]);
    expect(text(await b.say("技能加上 祖传绝活"))).toContain("“祖传绝活”不在技能目录中，已按原文记录");
    expect(await b.say("技能去掉 祖传绝活")).toEqual([
      "[dm:陈志强] 匠桥: 已更新，您的技能：数控加工、薄壁件加工、五轴编程、激光切割。",
    ]);
    expect(text(await b.say("技能去掉 焊接"))).toContain("您的技能里没有“焊接”");
    expect(text(await b.say("电话改成 139 1234 5678"))).toContain("已将您的电话改为 13912345678");
    expect(text(await b.say("电话改成 不告诉你"))).toContain("不像是电话号码");
    expect(text(await b.say("单位改成 佛山精工研究院"))).toContain("已将您的工作单位改为“佛山精工研究院”");
    expect(text(await b.say("我的城市改成火星"))).toContain("没能认出“火星”这个城市");
    expect(text(await b.say("服务城市加上 深圳、广州"))).toContain("还可以去的城市：深圳、广州");

    const expert = await d001(b);
    expect(expert.city).toBe("佛山");
    expect(expert.district).toBeNull();
    expect(JSON.parse(expert.skills)).toEqual(["数控加工", "薄壁件加工", "五轴编程", "激光切割"]);
    expect(expert.phone).toBe("13912345678");
    expect(expert.employer).toBe("佛山精工研究院");
    expect(JSON.parse(expert.cities)).toEqual(["深圳", "广州"]);

    // Staff see the corrected profile.
    const card = text(await b.run(["/as 工会小陈", "/in dm", "/expert D001"]));
    expect(card).toContain("所在城市：佛山；也可去：深圳、广州");
    expect(card).toContain("电话：13912345678");
    // /find reads the corrected city.
    expect(text(await b.say("/find 数控 佛山"))).toContain("D001 陈志强 · 佛山");
  });

  it("is corrected in English too", async () => {
    const b = await bot();
    await b.run(["/as 陈志强", "/in dm"]);
    expect(text(await b.say("my profile"))).toContain("Honours: 全国劳动模范");
    expect(await b.say("change my city to Foshan")).toEqual(["[dm:陈志强] 匠桥: Your city is now Foshan."]);
    expect((await d001(b)).city).toBe("佛山");
  });

  it("records consent once, and shows it", async () => {
    const b = await bot();
    await b.run(["/as 陈志强", "/in dm"]);
    expect(await b.say("同意")).toEqual(["[dm:陈志强] 匠桥: 已记录您同意被联系，谢谢！有合适的需求会先征求您的意见。"]);
    const first = (await d001(b)).consentAt;
    expect(first).not.toBeNull();
    expect(await b.say("同意")).toEqual(["[dm:陈志强] 匠桥: 您之前已同意被联系，无需重复确认。"]);
    expect((await d001(b)).consentAt).toEqual(first);
    const card = text(await b.say("我的资料"));
    expect(card).toMatch(/同意被联系：已同意（\d{4}-\d{2}-\d{2}）/);
    expect(card).not.toContain("回复“同意”表示同意");
  });

  it("takes 同意 as acceptance of an open offer, and records the consent as well", async () => {
    const b = await bot();
    const lines = await b.run([
      "/in 东莞制造企业群",
      "/as 东莞精工科技-王经理",
      "@匠桥 我们厂在东莞，数控加工的薄壁件变形严重，想请专家下周来现场指导",
    ]);
    const offer = lines.find((line) => line.startsWith("[dm:") && line.includes("[1:接受]")) ?? "";
    const expertName = /^\[dm:([^\]]+)\]/.exec(offer)?.[1] ?? "";
    expect(expertName).not.toBe("");
    const accepted = text(await b.run([`/as ${expertName}`, "/in dm", "同意"]));
    expect(accepted).toContain("感谢您接受 R-0001");
    const expert = await b.app.services.db.expert.findFirstOrThrow({ where: { name: expertName } });
    expect(expert.consentAt).not.toBeNull();
  });

  it("is not what an enterprise corrects: 城市改成 still corrects its request", async () => {
    const b = await bot();
    await b.run([
      "/in 东莞制造企业群",
      "/as 东莞精工科技-王经理",
      "@匠桥 我们厂在东莞，数控加工的薄壁件变形严重，想请专家下周来现场指导",
    ]);
    await b.say("@匠桥 城市改成惠州");
    const request = await b.app.services.db.helpRequest.findUniqueOrThrow({ where: { code: "R-0001" } });
    expect(request.city).toBe("惠州");
    expect(text(await b.say("@匠桥 我的资料"))).toContain("专家档案是劳模工匠的功能");
  });
});

describe("profile phrases", () => {
  it.each([
    ["我的资料", { kind: "show" }],
    ["查看我的档案", { kind: "show" }],
    ["Show my profile", { kind: "show" }],
    ["我同意", { kind: "consent" }],
    ["I agree", { kind: "consent" }],
    ["我的城市改成佛山", { kind: "set", field: "city", value: "佛山" }],
    ["城市改为 佛山市。", { kind: "set", field: "city", value: "佛山市" }],
    ["我的手机号是13912345678", { kind: "set", field: "phone", value: "13912345678" }],
    ["电话改成 139 1234 5678", { kind: "set", field: "phone", value: "139 1234 5678" }],
    ["职务改成 高级技师", { kind: "set", field: "title", value: "高级技师" }],
    ["技能加上 五轴编程", { kind: "add", list: "skills", value: "五轴编程" }],
    ["我的技能删除：焊接", { kind: "remove", list: "skills", value: "焊接" }],
    ["服务城市加上深圳", { kind: "add", list: "cities", value: "深圳" }],
    ["add skill laser cutting", { kind: "add", list: "skills", value: "laser cutting" }],
    ["my phone number is 13912345678", { kind: "set", field: "phone", value: "13912345678" }],
  ])("%s", (message, edit) => {
    expect(parseProfileEdit(message)).toEqual(edit);
  });

  it.each([
    "R-0001 城市改成佛山",
    "资料",
    "我们的城市改成佛山",
    "同意这个方案吗",
    "我们厂在东莞，数控加工的薄壁件变形严重",
  ])("%s is not a profile edit", (message) => {
    expect(parseProfileEdit(message)).toBeNull();
  });
});
