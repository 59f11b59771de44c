// Roster files that say less than the database knows: a file of only `编号,姓名` renames the expert and
// leaves every other field alone, and an old roster sent again never brings back the data of an expert
// who asked for it to be deleted; the report counts them.
import { describe, expect, it } from "vitest";
import { chatRoster, tempDir, writeCsv } from "../roster/roster-files.ts";
import { useTestBots } from "../support/bots.ts";

const startBot = useTestBots();
const staff = "工会小陈";

describe("a roster with fewer columns, and a roster sent again after an erasure", () => {
  it("updates only the columns the file has, and skips and counts erased experts", async () => {
    const bot = await startBot();
    const { db } = bot.app.services;
    const dir = tempDir();
    await bot.run([`/as ${staff}`, "/in dm", `/file ${writeCsv(dir, "名册.csv", chatRoster)}`]);
    const before = await db.expert.findUniqueOrThrow({ where: { externalId: "G101" } });
    expect(before.phone).toBe("13900001101");

    // Only ids and names: a rename, nothing blanked.
    const renamed = await bot.say(`/file ${writeCsv(dir, "改名.csv", ["编号,姓名", "G101,钟伟强师傅"])}`);
    expect(renamed.join("\n")).toContain("新增 0 位，更新 1 位，未变 0 位，拒绝 0 行");
    const after = await db.expert.findUniqueOrThrow({ where: { externalId: "G101" } });
    expect(after.name).toBe("钟伟强师傅");
    const { name: _before, ...rest } = before;
    const { name: _after, ...restAfter } = after;
    expect(restAfter).toMatchObject({ ...rest, updatedAt: expect.any(Date) });
    expect((await bot.say("/expert G101")).join("\n")).toContain("中山灯饰集团");

    // 黎秀英 asks for her data to be deleted.
    await bot.run(["/as 黎秀英", "/in dm", "删除我的信息"]);
    expect((await bot.say("确认注销")).join("\n")).toContain("已删除您的个人信息");

    // Staff send the old roster again: her phone does not come back, and the report says why.
    const again = await bot.run([`/as ${staff}`, "/in dm", `/file ${writeCsv(dir, "名册.csv", chatRoster)}`]);
    const report = again.join("\n");
    expect(report).toContain("1 位专家已按本人要求删除信息，本次跳过");
    const erased = await db.expert.findUniqueOrThrow({ where: { externalId: "G102" } });
    expect(erased).toMatchObject({ name: "（已注销）", phone: null, employer: "", active: false });
    expect(JSON.stringify(await db.outboundMessage.findMany())).not.toContain("13900001102");
  });
});
