// understand() must never throw and always return a well-formed Understanding, whatever arrives from a chat.

import { describe, expect, it } from "vitest";
import { intents, type Understanding } from "../../core/understanding/types.ts";
import { understand } from "../../core/understanding/understand.ts";

const INTENTS = new Set<string>(intents);
const ISO = /^\d{4}-\d{2}-\d{2}$/;

function expectValid(u: Understanding): void {
  expect(INTENTS.has(u.intent)).toBe(true);
  expect(["zh-CN", "en"]).toContain(u.locale);
  expect(typeof u.addressed).toBe("boolean");
  if (u.request) {
    expect(Array.isArray(u.request.skills)).toBe(true);
    expect(["onsite", "remote", "either"]).toContain(u.request.mode);
    if (u.request.window) {
      expect(u.request.window.start).toMatch(ISO);
      expect(u.request.window.end).toMatch(ISO);
      expect(u.request.window.start <= u.request.window.end).toBe(true);
    }
  }
  if (u.availability) {
    for (const slot of u.availability.slots) {
      expect(slot.weekday === null || (slot.weekday >= 1 && slot.weekday <= 7)).toBe(true);
      expect(slot.date === null || ISO.test(slot.date)).toBe(true);
      expect(slot.startMinute).toBeGreaterThanOrEqual(0);
      expect(slot.endMinute).toBeLessThanOrEqual(1440);
      expect(slot.startMinute).toBeLessThan(slot.endMinute);
    }
  }
  if (u.rating !== undefined && u.rating !== null) expect(u.rating >= 1 && u.rating <= 5).toBe(true);
  // The result must survive the JSON round trip the CLI and the job queue do.
  expect(() => JSON.parse(JSON.stringify(u))).not.toThrow();
}

// A small deterministic generator, so a failure can be reproduced from its seed.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  "周二",
  "下午",
  "9点-11点",
  "到",
  "至",
  "-",
  "、",
  "，",
  "R-0042",
  "接受",
  "不是",
  "是",
  "改成",
  "远程",
  "现场",
  "东莞",
  "Shenzhen",
  "月底前",
  "下周",
  "每周",
  "星期",
  "5月30日",
  "11-28",
  "号",
  "13812345678",
  "@匠桥",
  "\u2005",
  "\u3000",
  "５分",
  "⭐",
  "👍🏻",
  "求助",
  "焊接",
  "模具",
  "不",
  "没空",
  "暂停",
  "恢复",
  "/",
  "help",
  "1",
  "2",
  "3",
  " ",
  "\n",
  "\t",
  "\u0000",
  "\u200f",
  "\u202e",
  "\ud800",
  "\udc00",
  "'; DROP TABLE experts; --",
  "<script>",
  "%s%n",
  "\\",
  "((((",
  "a{1,99999}",
  "一",
  "十",
  "廿",
  "点",
  ":",
  ".",
  "分",
];

function randomPieces(next: () => number, count: number): string {
  let text = "";
  for (let i = 0; i < count; i++) text += PIECES[Math.floor(next() * PIECES.length)] ?? "";
  return text;
}

function randomUnicode(next: () => number, length: number): string {
  let text = "";
  for (let i = 0; i < length; i++) text += String.fromCharCode(Math.floor(next() * 0x10000));
  return text;
}

describe("understand() under fuzzing", () => {
  const now = new Date("2026-11-23T10:00:00+08:00");

  it("survives thousands of random messages", () => {
    const next = rng(20261123);
    for (let i = 0; i < 3000; i++) {
      const text =
        i % 2 === 0 ? randomPieces(next, 1 + Math.floor(next() * 30)) : randomUnicode(next, Math.floor(next() * 200));
      expectValid(understand(text, { now }));
    }
  });

  it("survives adversarial repetition, huge lines and odd inputs", () => {
    const cases = [
      "周一 ".repeat(20_000),
      `${"周一、".repeat(5_000)}次`,
      "1".repeat(100_000),
      "1 ".repeat(50_000),
      `1${"\n".repeat(50_000)}点`,
      "不是".repeat(10_000),
      "改成".repeat(10_000),
      "a".repeat(100_000),
      `${"我们是".repeat(3_000)}有限公司`,
      "R-".repeat(30_000),
      "9点-".repeat(10_000),
      "5月".repeat(10_000),
      "@".repeat(50_000),
      "@匠桥".repeat(10_000),
      "\ud800".repeat(10_000),
      "\u202e\u200f".repeat(10_000),
      "\u0000\u0001\u0007\u001b[31m".repeat(5_000),
      "SELECT * FROM experts WHERE 1=1; --",
      `${"x".repeat(2_000)}周二下午有空`,
      "",
      " ",
      "\n",
      "/",
      "//",
      "/ ",
    ];
    for (const text of cases) expectValid(understand(text, { now }));
  });

  it("accepts non-string input and bad options without throwing", () => {
    expectValid(understand(undefined as unknown as string));
    expectValid(understand(null as unknown as string));
    expectValid(understand(42 as unknown as string));
    expectValid(understand("明天下午", { now: new Date(Number.NaN) }));
    expectValid(understand("@匠桥 明天", { botName: "((a+)+)$" }));
    expectValid(understand("明天", { botName: "".padEnd(1000, "a") }));
  });
});
