// Union staff import the roster by sending its file in the chat (here `/file PATH` in the terminal):
// the bot says it got it, a job imports it, and the report comes back in the same chat. Real SQLite
// file, Redis and BullMQ.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runRosterImport } from "../../jobs/roster-import.ts";
import { chatRoster, chineseHeader, tempDir, writeCsv, writeXlsx } from "../roster/roster-files.ts";
import { useTestBots } from "../support/bots.ts";

const startBot = useTestBots();

const staff = "工会小陈";
const header = chineseHeader;
const roster = chatRoster;

/** Files (not folders) under a folder. */
const filesIn = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name)
    : [];

/** Lines the bot printed in a chat. */
const inChat = (lines: string[], chat: string) => lines.filter((line) => line.startsWith(`[${chat}] 匠桥: `));

describe("importing the roster by sending its file in the chat", () => {
  it("answers at once, imports in the background, reports the counts and the rejected rows, and the experts can be found", async () => {
    const bot = await startBot();
    const file = writeCsv(tempDir(), "人才数据库.csv", roster);

    const lines = await bot.run([`/as ${staff}`, "/in dm", `/file ${file}`]);
    const said = inChat(lines, `dm:${staff}`);
    expect(said[0]).toBe(`[dm:${staff}] 匠桥: 收到名册文件，正在导入…`);
    const report = said[1] ?? "";
    expect(report).toContain("导入完成：新增 2 位，更新 0 位，未变 0 位，拒绝 2 行。");
    expect(report).toContain("第 4 行被拒绝：缺少姓名");
    // A private chat shows which value was wrong.
    expect(report).toContain("第 5 行被拒绝：联系电话格式不对 12345");

    const found = await bot.say("/expert G101");
    expect(found.join("\n")).toContain("钟伟强");
    const search = await bot.say("/find 港口机械 湛江");
    expect(search.join("\n")).toContain("黎秀英");

    // The same file again changes nothing and says so.
    const again = await bot.say(`/file ${file}`);
    expect(again.join("\n")).toContain("新增 0 位，更新 0 位，未变 2 位，拒绝 2 行");
    // No roster file is left behind: it holds phone numbers.
    expect(filesIn(bot.app.services.config.uploads.dir)).toEqual([]);
  });

  it("imports an XLSX roster sent in a staff group, without phone numbers in the group", async () => {
    const bot = await startBot();
    const file = await writeXlsx(
      tempDir(),
      "名册.xlsx",
      roster.map((line) => line.split(",")),
    );
    const lines = await bot.run(["/in 工会工作群", `/as ${staff}`, `/file ${file}`]);
    const said = inChat(lines, "工会工作群");
    expect(said[0]).toContain("收到名册文件，正在导入…");
    expect(said[1]).toContain("新增 2 位");
    expect(said[1]).toContain("第 5 行被拒绝：联系电话格式不对");
    expect(said[1]).not.toContain("12345");
  });

  it("lists the first rejected rows and counts the rest", async () => {
    const bot = await startBot();
    const bad = Array.from({ length: 8 }, (_, index) => `G2${index},,,,,广州,,,,,`);
    const file = writeCsv(tempDir(), "roster.csv", [header, ...bad]);
    const [received, report] = inChat(await bot.run([`/as ${staff}`, "/in dm", `/file ${file}`]), `dm:${staff}`);
    expect(received).toContain("收到名册文件");
    expect(report).toContain("拒绝 8 行");
    expect(report).toContain("第 6 行被拒绝");
    expect(report).not.toContain("第 7 行被拒绝");
    expect(report).toContain("另有 3 行被拒绝，未一一列出。");
  });

  it("answers a broken file politely and imports nothing", async () => {
    const bot = await startBot();
    const dir = tempDir();
    const broken = path.join(dir, "名册.xlsx");
    writeFileSync(broken, "this is not a spreadsheet");
    const before = await bot.app.services.db.expert.count();

    const lines = await bot.run([`/as ${staff}`, "/in dm", `/file ${broken}`]);
    const said = inChat(lines, `dm:${staff}`);
    expect(said[0]).toContain("收到名册文件，正在导入…");
    expect(said[1]).toMatch(/名册\.xlsx 无法读取.*名册没有导入，请修改后重新发送。/);

    const unknown = writeCsv(dir, "通讯录.csv", ["姓名,电话", "张三,13900000000"]);
    const headerLines = inChat(await bot.say(`/file ${unknown}`), `dm:${staff}`);
    expect(headerLines[1]).toContain("通讯录.csv 的表头无法识别");

    const pdf = path.join(dir, "简报.pdf");
    writeFileSync(pdf, "%PDF-1.4");
    expect(await bot.say(`/file ${pdf}`)).toEqual([
      `[dm:${staff}] 匠桥: 只能导入 CSV 或 XLSX 格式的名册文件，简报.pdf 不是。请在 Excel 中另存为 CSV 或 XLSX 后再发。`,
    ]);
    expect(await bot.say(`/file ${path.join(dir, "不存在.csv")}`)).toEqual([
      `[dm:${staff}] 匠桥: 没能收到文件 不存在.csv，请重新发送一次。`,
    ]);
    expect(await bot.app.services.db.expert.count()).toBe(before);
  });

  it("refuses a file over UPLOAD_MAX_MB without saving it", async () => {
    const bot = await startBot({ UPLOAD_MAX_MB: "0.001" });
    const file = writeCsv(tempDir(), "big.csv", [
      header,
      ...Array.from({ length: 100 }, (_, i) => `G3${i},某某${i},,,,广州,,,,,`),
    ]);
    const lines = await bot.run([`/as ${staff}`, "/in dm", `/file ${file}`]);
    expect(inChat(lines, `dm:${staff}`)).toEqual([
      `[dm:${staff}] 匠桥: big.csv 太大了（超过 0.001 MB），没有导入。请拆成几个文件分批发送。`,
    ]);
    expect(await bot.app.services.db.expert.count({ where: { externalId: { startsWith: "G3" } } })).toBe(0);
  });

  it("refuses people who are not staff, and stays quiet about files shared in a group", async () => {
    const bot = await startBot();
    const file = writeCsv(tempDir(), "roster.csv", roster);
    const enterprise = "东莞精工科技-王经理";

    const refused = await bot.run([`/as ${enterprise}`, "/in dm", `/file ${file}`]);
    expect(refused).toEqual([`[dm:${enterprise}] 匠桥: 抱歉，“导入名册”仅供工会工作人员使用。`]);
    const other = path.join(tempDir(), "产品手册.pdf");
    writeFileSync(other, "%PDF-1.4");
    expect(await bot.say(`/file ${other}`)).toEqual([
      `[dm:${enterprise}] 匠桥: 我只能读文字消息。企业可以直接用文字描述遇到的技术问题，劳模工匠可以告诉我何时有空；发送“帮助”查看说明。`,
    ]);

    expect(await bot.run(["/in 东莞制造企业群", `/file ${file}`, `/file ${other}`])).toEqual([]);
    expect(await bot.app.services.db.expert.count({ where: { externalId: { startsWith: "G1" } } })).toBe(0);
    expect(await bot.app.services.db.rosterUpload.count()).toBe(0);
  });

  it("refuses a team leader, whose role covers one team only", async () => {
    const bot = await startBot({ ADMINS: staff });
    await bot.run(["/as 精密制造队长", "/in dm", "你好"]);
    await bot.run([`/as ${staff}`, "/in dm", "/staff add 精密制造队长 team_leader 精密制造"]);
    const lines = await bot.run(["/as 精密制造队长", "/in dm", `/file ${writeCsv(tempDir(), "r.csv", roster)}`]);
    expect(lines).toEqual([
      "[dm:精密制造队长] 匠桥: 抱歉，导入名册需由工会工作人员或管理员操作：名册会更新所有服务队的专家。请把文件发给工作人员。",
    ]);
  });

  it("imports a file still waiting when the bot stopped, once, however often its job runs", async () => {
    const bot = await startBot();
    await bot.run([`/as ${staff}`, "/in dm", "你好"]);
    const { db, config } = bot.app.services;
    // The job was lost with Redis: only the database remembers the upload.
    const chat = await db.chat.findFirstOrThrow({ where: { externalId: `dm:${staff}` } });
    const person = await db.person.findFirstOrThrow({ where: { displayName: staff } });
    const folder = path.join(config.uploads.dir, "roster");
    mkdirSync(folder, { recursive: true });
    const kept = writeCsv(folder, "waiting.csv", roster);
    const upload = await db.rosterUpload.create({
      data: {
        platform: "terminal",
        messageId: "m-1",
        chatId: chat.id,
        personId: person.id,
        fileName: "名册.csv",
        path: kept,
      },
    });
    const restarted = await startBot({}, await bot.crash());
    const report = await restarted.waitFor(/导入完成/);
    expect(report).toBe(
      `[dm:${staff}] 匠桥: 导入完成：新增 2 位，更新 0 位，未变 0 位，拒绝 2 行。 ⏎ 第 4 行被拒绝：缺少姓名 G103 ⏎ 第 5 行被拒绝：联系电话格式不对 12345`,
    );
    expect(existsSync(kept)).toBe(false);

    const { services } = restarted.app;
    expect(await runRosterImport(services, upload.id)).toBe("done");
    await restarted.app.waitUntilIdle();
    expect(restarted.output().filter((line) => line.includes("导入完成"))).toHaveLength(1);
    expect(await services.db.outboundMessage.count({ where: { key: `roster-import-${upload.id}` } })).toBe(1);
    expect(await services.db.expert.count({ where: { externalId: { in: ["G101", "G102"] } } })).toBe(2);
  });

  it("answers in English to staff who write in English", async () => {
    const bot = await startBot();
    const file = writeCsv(tempDir(), "roster.csv", roster);
    const lines = await bot.run([`/as ${staff}`, "/in dm", "hello, I am importing the roster", `/file ${file}`]);
    const said = inChat(lines, `dm:${staff}`);
    expect(said).toContain(`[dm:${staff}] 匠桥: Got the roster file; importing…`);
    expect(said.at(-1)).toContain("Import finished: 2 new, 0 updated, 0 unchanged, 2 rows rejected.");
    expect(said.at(-1)).toContain("Row 4 rejected: no name");
  });
});
