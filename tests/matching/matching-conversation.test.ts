// What the enterprise and staff see of matching: nobody unrelated is asked, staff get the closest people
// with why each falls short, on-site help never goes to a remote-only expert, and /find reads whole profiles.
import { describe, expect, it } from "vitest";
import { offeredTo, useTestBots } from "../support/bots.ts";
import { row, useRoster } from "./roster-rows.ts";

const group = "东莞制造企业群";
const manager = "东莞精工科技-王经理";
const staff = "工会小陈";
const bot = useTestBots();

const text = (lines: string[]) => lines.join("\n");

describe("a request nobody in the roster fits", () => {
  it("asks nobody: the enterprise is told plainly, staff get the closest people, why each falls short, and buttons", async () => {
    const b = await bot({ DEMO_DATA: "false" });
    await useRoster(b.app.services.db, [
      row({ id: "T01", name: "染整李师傅", skills: ["纺织染整"], achievements: "长期从事纺织染整工作" }),
      row({ id: "T02", name: "装配赵师傅", skills: ["精密装配钳工"], achievements: "主持精密部件装配" }),
    ]);
    await b.run([`/as ${staff}`, "/stats"]);
    const lines = await b.run([
      `/in ${group}`,
      `/as ${manager}`,
      "@匠桥 我们厂在东莞，数控加工的薄壁件变形严重，想请专家下周来现场指导",
    ]);
    // Nobody is asked for consent.
    expect(
      lines.filter((line) => line.includes("[1:接受]")),
      text(lines),
    ).toEqual([]);
    expect(lines.some((line) => line.startsWith(`[${group}] 匠桥: 需求 R-0001 暂时没有找到合适的专家`))).toBe(true);
    const notice = lines.find((line) => line.startsWith(`[dm:${staff}] 匠桥: 需求 R-0001 暂无可对接的专家`));
    expect(notice, text(lines)).toBeDefined();
    expect(notice).toContain("专家库中没有足够对口的人选");
    // The fitter has a related skill: shown, with why he falls short, and a button to assign him.
    expect(notice).toContain("装配赵师傅（T02）");
    expect(notice).toContain("不足：只擅长相近的精密装配钳工");
    expect(notice).toContain("[1:指派装配赵师傅]");
    expect(notice).not.toContain("染整李师傅");

    const assigned = await b.run([`/as ${staff}`, "/in dm", "/press 1"]);
    expect(text(assigned)).toContain("已将需求 R-0001 指派给装配赵师傅");
    expect(offeredTo(assigned)).toBe("装配赵师傅");
  });
});

describe("an on-site request", () => {
  it("is never offered to a remote-only expert, however near", async () => {
    const b = await bot({ DEMO_DATA: "false" });
    await useRoster(b.app.services.db, [
      row({ id: "R01", name: "远程钱工", city: "东莞", skills: ["数控加工"], canOnsite: false, canRemote: true }),
      row({ id: "R02", name: "现场孙工", city: "湛江", skills: ["数控加工"], canOnsite: true, canRemote: false }),
    ]);
    const lines = await b.run([
      `/in ${group}`,
      `/as ${manager}`,
      "@匠桥 我们厂在东莞，数控加工的薄壁件变形严重，想请专家下周来现场指导",
    ]);
    expect(offeredTo(lines)).toBe("现场孙工");
    expect(lines.some((line) => line.startsWith("[dm:远程钱工]"))).toBe(false);
  });
});

describe("the offer's reasons", () => {
  it("quote the expert's own achievements, once each", async () => {
    const b = await bot({ DEMO_DATA: "false" });
    await useRoster(b.app.services.db, [
      row({
        id: "M01",
        name: "张总工",
        skills: ["钳工", "塑胶模具设计(UG/Proe)"],
        achievements: "从钳工学徒到总工程师；2008年起组建设计研发部专攻塑胶模具开发",
      }),
    ]);
    const lines = await b.run([
      `/in ${group}`,
      `/as ${manager}`,
      "@匠桥 我们在东莞，塑胶模具开发新产品，透明件模具总是有问题，想请懂塑胶模具设计的师傅来现场",
    ]);
    const offer = lines.find((line) => line.startsWith("[dm:张总工]") && line.includes("[1:接受]"));
    expect(offer, text(lines)).toBeDefined();
    expect(offer).toContain("擅长塑胶模具设计(UG/Proe)");
    expect(offer).toContain("主要业绩：2008年起组建设计研发部专攻塑胶模具开发");
    expect(offer).not.toContain("擅长相关的");
    expect(offer?.match(/擅长塑胶模具设计/g)).toHaveLength(1);
  });
});

describe("/find", () => {
  it("lists the drone experts for 无人机, whatever their cells say, and not the 5G or 北斗 ones", async () => {
    const b = await bot({ DEMO_DATA: "false" });
    await useRoster(b.app.services.db, [
      row({ id: "F01", name: "五G周工", skills: ["5G专网部署"], achievements: "为低空经济园区部署5G专网" }),
      row({ id: "F02", name: "北斗吴工", skills: ["北斗高精度定位"], achievements: "北斗定位终端研发" }),
      row({ id: "F03", name: "植保郑工", skills: ["无人机植保飞防"], achievements: "带队完成万亩农田飞防作业" }),
      row({ id: "F04", name: "飞控王工", skills: ["无人机飞控调试"], achievements: "多旋翼无人机飞控参数整定" }),
    ]);
    const lines = await b.run([`/as ${staff}`, "/in dm", "/find 无人机"]);
    const reply = text(lines);
    expect(reply).toContain("找到 2 位专家");
    expect(reply).toContain("F03 植保郑工");
    expect(reply).toContain("F04 飞控王工");
    expect(reply).not.toContain("五G周工");
    expect(reply).not.toContain("北斗吴工");
  });
});
