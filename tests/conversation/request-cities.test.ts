// An enterprise that can host the expert in more than one city ("广州或者佛山都可以", "深圳、东莞都行", "Guangzhou or
// Foshan is fine") keeps every city it named: the summary, the offer card and the staff list show them, and an
// expert in any of them is as near as one in the first.
import { describe, expect, it } from "vitest";
import { offeredTo, useTestBots } from "../support/bots.ts";

const group = "粤西制造企业交流群";
const bot = useTestBots();

describe("a request that accepts several cities", () => {
  it("keeps them all, says so, and offers to an expert in the second city", async () => {
    const b = await bot();
    const one = await b.run([`/in ${group}`, "/as 湛江五金厂-张工", "@匠桥 我们焊接件有气孔，想请师傅上门看看，湛江"]);
    const nearest = offeredTo(one, "R-0001");

    const both = await b.run(["/as 五金厂-刘工", "@匠桥 焊接件有好多气孔，想请师傅上门看看，湛江或者佛山都可以"]);
    const summary = both.find((line) => line.includes("已登记需求 R-0002")) ?? "";
    expect(summary).toContain("湛江或佛山");
    const offered = offeredTo(both, "R-0002");
    expect(offered).not.toBe(nearest);
    const card = both.find((line) => line.startsWith(`[dm:${offered}]`) && line.includes("R-0002")) ?? "";
    expect(card).toContain("地点：湛江或佛山");
    expect(card).toContain("同在佛山");

    const listed = await b.run(["/as 工会小陈", "/in dm", "/requests"]);
    expect(listed.join("\n")).toContain("R-0002 · 已邀请专家 · 湛江或佛山");
  });

  it("takes several cities as the answer to the city question, in Chinese and in English", async () => {
    const b = await bot();
    const asked = await b.run(["/as 东莞塑胶厂-李生", "/in dm", "注塑件缩水，想请师傅过来看看"]);
    expect(asked.join("\n")).toContain("哪个城市");
    const answered = await b.say("深圳、东莞都行");
    expect(answered.join("\n")).toContain("已登记需求 R-0001。我理解为：智能家电 · 注塑成型工艺 · 深圳或东莞");
    expect(answered.join("\n")).not.toContain("劳模工匠的功能");

    await b.run(["/as Tom", "/in dm", "Our CNC parts are out of tolerance, need an expert on site"]);
    const english = await b.say("Guangzhou or Foshan is fine");
    expect(english.join("\n")).toContain("Guangzhou or Foshan");

    // In a group, the same answer needs no @.
    await b.run([`/in ${group}`, "/as 佛山五金-陈总", "@匠桥 我们的CNC加工件尺寸超差，想请专家来现场指导"]);
    const inGroup = await b.say("广州或者佛山都可以");
    expect(inGroup.join("\n")).toContain("广州或佛山");
  });

  it("a correction to other cities replaces them, and one city leaves only that one", async () => {
    const b = await bot();
    await b.run([
      `/in ${group}`,
      "/as 佛山陶瓷-陈总",
      "@匠桥 铝合金薄壁件加工后变形，想请师傅现场指导，广州或者佛山都可以",
    ]);
    const moved = await b.say("@匠桥 R-0001 改成深圳或者东莞");
    expect(moved.join("\n")).toContain("深圳或东莞");
    const single = await b.say("@匠桥 R-0001 改成东莞");
    const reply = single.find((line) => line.includes("已更新需求 R-0001")) ?? "";
    expect(reply).toContain("· 东莞 ·");
    expect(reply).not.toContain("或");
  });
});
