// Writes roster files into a fresh temp folder, as a union staff member would save them.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";

/** Chinese headers as staff save them. */
export const chineseHeader = "编号,姓名,荣誉称号,工作单位,职务,城市,服务队,技能专长,主要业绩,服务方式,联系电话";

/** A roster staff send in the chat: two good rows, one without a name (row 4), one with a bad phone (row 5). */
export const chatRoster = [
  chineseHeader,
  "G101,钟伟强,南粤工匠,中山灯饰集团,高级技师,中山,精密制造,数控加工;模具设计,模具寿命提高一倍,现场,13900001101",
  "G102,黎秀英,广东省劳动模范,湛江港集团,首席技师,湛江,数字航运,港口机械维修,带徒30人,现场、远程,13900001102",
  "G103,,全国技术能手,韶关钢铁,技师,韶关,,焊接,,现场,",
  "G104,简志诚,大国工匠,珠海航空,总工程师,珠海,数字低空,无人机飞控,,远程,12345",
];

/** Lines as CSV bytes: UTF-8, CRLF, as Excel saves them. */
export function csvBytes(lines: string[]): Buffer {
  return Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8");
}

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "roster-"));
}

export function writeCsv(dir: string, name: string, lines: string[], options: { bom?: boolean } = {}): string {
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.concat([Buffer.from(options.bom ? "\uFEFF" : ""), csvBytes(lines)]));
  return file;
}

export async function writeXlsx(dir: string, name: string, rows: ExcelJS.CellValue[][]): Promise<string> {
  const file = path.join(dir, name);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("名单");
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
  return file;
}
