// Through the terminal adapter: a busy factory group talks all day and the bot stays out of it, registers a clear
// ask written without an @, and keeps a Chinese speaker in Chinese when they type OK, a part number or a link.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

describe("a busy group", () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(async () => {
    await bot.stop();
  });

  it("lets chatter pass and registers only the clear ask", async () => {
    const quiet = await bot.run([
      "/in 东莞五金厂交流群",
      "/as 五金厂-阿强",
      "有冇人知边度收二手冲床，价钱好啲嘅",
      "/as 注塑厂-小刘",
      "车间招两个啤工，包吃住，有意私聊",
      "/as 模具厂-老陈",
      "我们那台加工中心又趴窝了，气死人",
      "/as 工会-小何",
      "【通知】周五下午三点消防演练，请各车间准时参加",
      "/as 五金厂-阿强",
      "哈哈哈，周末加班的举个手",
    ]);
    expect(quiet).toEqual([]);
    const asked = await bot.say("/as 冲压厂-黄工");
    expect(asked).toEqual([]);
    const registered = await bot.say("我们冲压件毛刺很多，换了模具也一样，有没有懂冲压的师傅帮忙看看？");
    expect(registered.join("\n")).toMatch(/R-0001/);
    expect(await bot.app.services.db.helpRequest.count()).toBe(1);
  });

  it("keeps a Chinese speaker's language when they type OK, a part number or a link", async () => {
    await bot.run(["/in dm", "/as 电子厂-周工", "你好，我想了解一下你们的服务"]);
    for (const line of ["OK", "PCB", "https://mp.weixin.qq.com/s/abc123"]) {
      const answer = (await bot.say(line)).join("\n");
      expect(answer, line).toMatch(/[\u4e00-\u9fff]/);
      expect(answer, line).not.toMatch(/did not quite understand/);
    }
  });
});
