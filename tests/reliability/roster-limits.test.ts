// Roster files too big for the bot: read in a worker thread whose memory is capped, with a bound on
// rows; a file past either bound is refused whole and the sender told, the bot keeps answering, and an
// upload whose imports kept dying is marked failed and its sender told instead of waiting for ever.
import { describe, expect, it } from "vitest";
import { resumeRosterImports } from "../../jobs/roster-import.ts";
import { chatRoster, chineseHeader, tempDir, writeCsv } from "../roster/roster-files.ts";
import { useTestBots } from "../support/bots.ts";

const startBot = useTestBots();
const staff = "工会小陈";
const inDm = (lines: string[]) => lines.filter((line) => line.startsWith(`[dm:${staff}] `)).join("\n");

/** A roster of `count` good rows. */
function bigRoster(count: number): string[] {
  const rows = [chineseHeader];
  for (let i = 0; i < count; i++) {
    rows.push(`B${i},专家${i},南粤工匠,东莞精工有限公司,高级技师,东莞,精密制造,数控加工;模具设计,带徒${i}人,现场,`);
  }
  return rows;
}

describe("roster files past the bounds", () => {
  it("refuses a file with more rows than allowed, importing nothing", async () => {
    const bot = await startBot({ ROSTER_MAX_ROWS: "3" });
    const said = inDm(
      await bot.run([`/as ${staff}`, "/in dm", `/file ${writeCsv(tempDir(), "名册.csv", chatRoster)}`]),
    );
    expect(said).toContain("名册.csv 太大，未导入任何数据");
    expect(await bot.app.services.db.expert.count({ where: { externalId: { startsWith: "G1" } } })).toBe(0);
  });

  it("refuses a file that unpacks to more memory than the reader may use, and the bot lives on", async () => {
    const bot = await startBot({ ROSTER_MAX_MEMORY_MB: "16", UPLOAD_MAX_MB: "100" });
    const file = writeCsv(tempDir(), "大名册.csv", bigRoster(60_000));
    const said = inDm(await bot.run([`/as ${staff}`, "/in dm", `/file ${file}`]));
    expect(said).toContain("大名册.csv 太大，未导入任何数据");
    const upload = await bot.app.services.db.rosterUpload.findFirstOrThrow();
    expect(upload.status).toBe("failed");
    // Still answering.
    expect(inDm(await bot.say("/file"))).not.toBe("");
  });

  it("marks failed, and tells the sender, an upload whose import kept stopping half-way", async () => {
    const bot = await startBot();
    const { db } = bot.app.services;
    await bot.run([`/as ${staff}`, "/in dm", `/file ${writeCsv(tempDir(), "名册.csv", chatRoster)}`]);
    const first = await db.rosterUpload.findFirstOrThrow();
    // As a process killed three times in the middle of the import leaves it.
    await db.rosterUpload.create({
      data: {
        platform: first.platform,
        messageId: "killed-three-times",
        chatId: first.chatId,
        personId: first.personId,
        fileName: "十万行名册.xlsx",
        path: "/nonexistent/roster.xlsx",
        status: "importing",
        result: JSON.stringify({ runs: 3 }),
      },
    });
    await resumeRosterImports(bot.app.services);
    await bot.waitFor(/名册 十万行名册\.xlsx 导入失败/, 60_000);
    expect((await db.rosterUpload.findFirstOrThrow({ where: { messageId: "killed-three-times" } })).status).toBe(
      "failed",
    );
  });
});
