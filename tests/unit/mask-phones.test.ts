import { describe, expect, it } from "vitest";
import { maskPhones } from "../../core/mask-phones.ts";

describe("phone numbers in a group", () => {
  it("are masked, mobile or landline, with or without +86 and separators", () => {
    expect(maskPhones("联系电话13812345678")).toBe("联系电话138****5678");
    expect(maskPhones("call +86 138-1234-5678 or 0769-22345678")).toBe("call 138****5678 or 0769-****78");
  });

  it("leave request codes, dates, amounts and long ids alone", () => {
    const text = "R-0042 2026-12-01 良率从82%提升到97% 订单号 202612011234567890";
    expect(maskPhones(text)).toBe(text);
  });
});
