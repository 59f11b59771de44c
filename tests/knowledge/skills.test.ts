import { describe, expect, it } from "vitest";
import {
  allSkills,
  allTeams,
  extractSkills,
  extractTeam,
  relatedSkillKeys,
  skillByKey,
  skillsOfProfile,
  teamOf,
} from "../../core/understanding/skills.ts";

const keys = (text: string) => extractSkills(text).map((s) => s.key);

describe("the skill taxonomy", () => {
  it("covers every service team with a wide field of skills", () => {
    const skills = allSkills();
    expect(skills.length).toBeGreaterThanOrEqual(80);
    for (const team of allTeams()) expect(skills.some((s) => s.team === team.key)).toBe(true);
  });

  it("answers lookups by key and team", () => {
    expect(skillByKey("cnc")?.zh).toBe("数控加工");
    expect(teamOf("cnc")?.zh).toBe("精密制造");
    expect(relatedSkillKeys("rail_welding")).toContain("welding");
    expect(relatedSkillKeys("welding")).toContain("rail_welding");
  });
});

describe("when a factory describes its problem", () => {
  it.each([
    ["加工中心加工铝件有振纹，尺寸超差", "cnc"],
    ["注塑件缩水、飞边严重", "injection_moulding"],
    ["回流焊以后虚焊很多", "smt"],
    ["冷库不制冷，压缩机过热", "refrigeration"],
    ["电池包漏液、鼓包", "ev_battery"],
    ["车间里5G信号差经常掉线", "5g_network"],
    ["焊缝有气孔和夹渣", "welding"],
    ["变电站开关柜局部放电", "hv_transmission"],
    ["布料色差严重，色牢度不过", "textile_dyeing"],
    ["荔枝落果严重", "fruit_growing"],
    ["岸桥吊具故障", "port_automation"],
    ["想做产品碳足迹，应对欧盟CBAM", "carbon_accounting"],
    ["弓网燃弧，受电弓磨耗大", "catenary"],
    ["帮我们搞一下服装打样", "garment_pattern"],
    ["Our injection molded parts show sink marks and flash", "injection_moulding"],
    ["We need help with CNC machining chatter", "cnc"],
    ["solder bridging after reflow on our SMT line", "smt"],
    ["Ｃｈｉｌｌｅｒ not cooling！！🙂", "refrigeration"],
  ])("%s -> %s", (text, key) => {
    expect(keys(text)[0]).toBe(key);
  });

  it("keeps two named skills in the order they were written", () => {
    expect(keys("机器人调试，另外视觉检测")).toEqual(["robot_programming", "machine_vision"]);
    expect(keys("电驱系统，另外动力电池")).toEqual(["ev_motor", "ev_battery"]);
  });

  it("finds nothing in chatter", () => {
    expect(keys("大家早上好，今天天气不错")).toEqual([]);
  });

  it("names a team when the message does", () => {
    expect(extractTeam("请精密制造服务队帮忙")?.key).toBe("precision_manufacturing");
  });
});

describe("an expert's roster skills", () => {
  it("map exact names fully and other wording partly", () => {
    const skills = skillsOfProfile(["数控加工", "注塑调机经验丰富"], "擅长焊接变形控制");
    const weight = (key: string) => skills.find((s) => s.key === key)?.weight ?? 0;
    expect(weight("cnc")).toBe(1);
    expect(weight("injection_moulding")).toBeGreaterThan(0.4);
    expect(weight("welding")).toBeGreaterThan(0);
    expect(weight("welding")).toBeLessThan(0.5);
  });
});

// Speed is measured by `npm run bench`, never asserted in a test.
describe("robustness", () => {
  it("reads a 100 KB message with emoji and full-width letters", () => {
    const big = "我们在东莞长安，加工中心有振纹🙂；ＣＮＣ ".repeat(4000);
    expect(extractSkills(big)[0]?.key).toBe("cnc");
  });
});
