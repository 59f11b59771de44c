import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RosterError, readRosterFile } from "../../core/roster/read-roster-file.ts";
import { tempDir, writeCsv, writeXlsx } from "./roster-files.ts";

const englishHeader = "id,name,honours,employer,title,city,team,skills,achievements,modes,phone";
const chineseHeader = "编号,姓名,荣誉称号,工作单位,职务,城市,服务队,技能专长,主要业绩,服务方式,联系电话";

describe("reading a CSV roster", () => {
  it("reads English headers and splits lists but not the achievements", async () => {
    const file = writeCsv(tempDir(), "r.csv", [
      englishHeader,
      'E1,李明,全国劳动模范;南粤工匠,东莞精工有限公司,高级技师,东莞市,精密制造,数控加工、薄壁件加工,"主持薄壁件变形攻关，良率提升到98%，获专利3项",现场、远程,13900001234',
    ]);
    const { rows, rejected } = await readRosterFile(file);
    expect(rejected).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: "E1",
      name: "李明",
      honours: ["全国劳动模范", "南粤工匠"],
      city: "东莞",
      teamKey: "precision_manufacturing",
      skills: ["数控加工", "薄壁件加工"],
      achievements: "主持薄壁件变形攻关，良率提升到98%，获专利3项",
      canOnsite: true,
      canRemote: true,
      phone: "13900001234",
    });
  });

  it("reads Chinese headers in any order with a BOM, full-width separators and an extra column", async () => {
    const file = writeCsv(
      tempDir(),
      "r.csv",
      [
        " 姓名 ,备注,编号,联系电话,服务方式,技能专长,城市,服务队,荣誉称号,工作单位,职务,主要业绩",
        "王芳,老会员,C7,0769-22334455,远程,5G网络优化；基站调测，室分设计,Shenzhen,5g,大国工匠,深圳某通信公司,首席技师,优化基站300余个",
      ],
      { bom: true },
    );
    const { rows, rejected } = await readRosterFile(file);
    expect(rejected).toEqual([]);
    expect(rows[0]).toMatchObject({
      id: "C7",
      name: "王芳",
      city: "深圳",
      teamKey: "5g",
      skills: ["5G网络优化", "基站调测", "室分设计"],
      canOnsite: false,
      canRemote: true,
      phone: "0769-22334455",
    });
  });

  it("maps the ways people write service modes", async () => {
    const modes = ["现场", "远程", "现场、远程", "onsite;remote", "both", "线上", "", "现场服务"];
    const lines = [chineseHeader, ...modes.map((mode, i) => `M${i},张三,,,,广州,,,,${mode},`)];
    const { rows } = await readRosterFile(writeCsv(tempDir(), "m.csv", lines));
    expect(rows.map((row) => [row.canOnsite, row.canRemote])).toEqual([
      [true, false],
      [false, true],
      [true, true],
      [true, true],
      [true, true],
      [false, true],
      [true, false],
      [true, false],
    ]);
  });

  it("rejects bad rows with their line number and keeps the good ones", async () => {
    const file = writeCsv(tempDir(), "bad.csv", [
      englishHeader,
      "E1,甲,,,,广州,,,,现场,",
      ",乙,,,,广州,,,,现场,",
      "E3,,,,,广州,,,,现场,",
      "E1,丙,,,,广州,,,,现场,",
      "E5,丁,,,,广州,,,,现场,12345",
      "",
      "E6,戊,,,,广州,,,,坐飞机,",
      "E7,己,,,,佛山市,不存在的队,,,现场,+86 139 0000 7777",
    ]);
    const { rows, rejected, warnings } = await readRosterFile(file);
    expect(rows.map((row) => row.id)).toEqual(["E1", "E7"]);
    expect(rows[1]).toMatchObject({ city: "佛山", teamKey: null, phone: "13900007777" });
    expect(rejected).toEqual([
      { row: 3, reason: "missing_id" },
      { row: 4, reason: "missing_name", detail: "E3" },
      { row: 5, reason: "duplicate_id", detail: "E1" },
      { row: 6, reason: "bad_phone", detail: "12345" },
      { row: 8, reason: "unknown_mode", detail: "坐飞机" },
    ]);
    expect(warnings).toEqual([{ row: 9, code: "unknown_team", detail: "不存在的队" }]);
  });

  it("numbers rows by the line they start on when a quoted cell spans lines", async () => {
    const file = writeCsv(tempDir(), "multi.csv", [
      englishHeader,
      'E1,,,,,广州,,,"第一行\n第二行",现场,',
      'E2,乙,,,,广州,,,"第一行\n第二行",现场,',
      "E3,,,,,广州,,,,现场,",
    ]);
    const { rows, rejected } = await readRosterFile(file);
    expect(rows[0]?.achievements).toBe("第一行\n第二行");
    expect(rejected).toEqual([
      { row: 2, reason: "missing_name", detail: "E1" },
      { row: 6, reason: "missing_name", detail: "E3" },
    ]);
  });

  it("refuses a file without a roster header instead of importing part of it", async () => {
    const file = writeCsv(tempDir(), "x.csv", ["foo,bar,baz", "1,2,3"]);
    const error = await readRosterFile(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RosterError);
    expect(error).toMatchObject({ code: "unknown_header" });
  });

  it("names the problem for a missing file, an empty file and an unsupported format", async () => {
    const dir = tempDir();
    await expect(readRosterFile(path.join(dir, "none.csv"))).rejects.toMatchObject({ code: "file_not_found" });
    writeFileSync(path.join(dir, "empty.csv"), "");
    await expect(readRosterFile(path.join(dir, "empty.csv"))).rejects.toMatchObject({ code: "empty_file" });
    writeFileSync(path.join(dir, "r.txt"), englishHeader);
    await expect(readRosterFile(path.join(dir, "r.txt"))).rejects.toMatchObject({ code: "unsupported_format" });
  });

  it("reads a CSV that Excel saved in GB18030", async () => {
    const dir = tempDir();
    const file = path.join(dir, "gbk.csv");
    // "编号,姓名,城市\r\nG1,陈工,东莞\r\n" in GB18030, as Excel on Chinese Windows writes it.
    writeFileSync(file, Buffer.from("b1e0bac52cd0d5c3fb2cb3c7cad00d0a47312cb3c2b9a42cb6abddb80d0a", "hex"));
    const { rows } = await readRosterFile(file);
    expect(rows[0]).toMatchObject({ id: "G1", name: "陈工", city: "东莞" });
  });

  it("reads the shared evaluation roster completely", async () => {
    const { rows, rejected } = await readRosterFile("/work/shared/data/eval-dev/experts.csv");
    expect(rows).toHaveLength(240);
    expect(rejected).toEqual([]);
    expect(rows.every((row) => row.teamKey !== null && row.city !== "")).toBe(true);
  });
});

describe("reading an XLSX roster", () => {
  it("reads Chinese headers below a title line, numbers as text, and never evaluates formulas", async () => {
    const file = await writeXlsx(tempDir(), "r.xlsx", [
      ["2024年劳模工匠名单"],
      chineseHeader.split(","),
      [
        "X1",
        "周强",
        "中华技能大奖、全国技术能手",
        "佛山某机械厂",
        "总工程师",
        "广东省佛山市顺德区",
        "智能机器人",
        "工业机器人编程；焊接",
        "带徒40人",
        "现场",
        13900005678,
      ],
      [
        { formula: "1+1", result: 2 },
        { formula: 'HYPERLINK("http://x","点我")' },
        "",
        "",
        "",
        "广州",
        "",
        "",
        "",
        "远程",
        "",
      ],
    ]);
    const { rows, rejected } = await readRosterFile(file);
    expect(rejected).toEqual([]);
    expect(rows[0]).toMatchObject({
      row: 3,
      id: "X1",
      honours: ["中华技能大奖", "全国技术能手"],
      city: "佛山",
      district: "顺德区",
      teamKey: "robotics",
      skills: ["工业机器人编程", "焊接"],
      phone: "13900005678",
    });
    expect(rows[1]).toMatchObject({ row: 4, id: "2", name: '=HYPERLINK("http://x","点我")' });
  });

  it("reports rejected rows by their sheet row number", async () => {
    const file = await writeXlsx(tempDir(), "r.xlsx", [
      englishHeader.split(","),
      ["E1", "甲", "", "", "", "广州", "", "", "", "现场", "1390000"],
    ]);
    const { rows, rejected } = await readRosterFile(file);
    expect(rows).toEqual([]);
    expect(rejected).toEqual([{ row: 2, reason: "bad_phone", detail: "1390000" }]);
  });
});
