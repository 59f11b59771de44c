// A person's language is sticky: only a message clearly written in another language changes it.
import { describe, expect, it } from "vitest";
import { detectLocale } from "../../core/i18n.ts";

describe("detectLocale", () => {
  it.each([
    "OK",
    "ok 👌",
    "PCB",
    "SMT AOI NG",
    "https://mp.weixin.qq.com/s/xyz",
    "／requests",
    "/find PLC",
    "R-0012",
    "FANUC 0i-MF",
  ])("%s says nothing about the language", (text) => {
    expect(detectLocale(text)).toBeNull();
  });

  it("reads Chinese with Latin tokens as Chinese and plain English as English", () => {
    expect(detectLocale("好的OK，PCB明天到")).toBe("zh-CN");
    expect(detectLocale("Our SMT line keeps failing, can someone help?")).toBe("en");
    expect(detectLocale("any update on R-0010?")).toBe("en");
  });
});
