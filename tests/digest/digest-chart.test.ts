// The week's chart is a real PNG and its Chinese labels are drawn as glyphs, not as empty boxes: with no
// CJK font every Han character renders as the same box, so two different labels would look alike.
import { createCanvas, GlobalFonts } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { cjkFamily, registerCjkFont } from "../../jobs/digest/cjk-font.ts";
import { renderWeekChart } from "../../jobs/digest/digest-chart.ts";

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function drawText(text: string, family: string): Buffer {
  const canvas = createCanvas(160, 40);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, 160, 40);
  ctx.fillStyle = "#000";
  ctx.font = `28px "${family}"`;
  ctx.fillText(text, 4, 30);
  return Buffer.from(ctx.getImageData(0, 0, 160, 40).data);
}

function chart(labels: string[]) {
  return renderWeekChart({
    title: "各服务队需求与对接（11-14 至 11-20）",
    labels,
    requestsLabel: "需求",
    requests: [3, 1],
    introductionsLabel: "对接",
    introductions: [2, 0],
  });
}

describe("the digest chart", () => {
  it("has a CJK font registered from the npm package", () => {
    expect(registerCjkFont()).toBe(true);
    expect(GlobalFonts.has(cjkFamily)).toBe(true);
  });

  it("draws different Han characters differently with that font, and alike without it", () => {
    registerCjkFont();
    expect(drawText("精密制造", cjkFamily).equals(drawText("数字低空", cjkFamily))).toBe(false);
    expect(drawText("精密制造", cjkFamily).equals(drawText("精密制造", cjkFamily))).toBe(true);
    // DejaVu has no Han glyphs: both labels come out as the same placeholder (unless the system has a
    // CJK font of its own to fall back on).
    const systemCjk = GlobalFonts.families.some(
      ({ family }) => family !== cjkFamily && /CJK|Hei|Song|Ming|SC/.test(family),
    );
    if (!systemCjk) expect(drawText("精密制造", "DejaVu Sans").equals(drawText("数字低空", "DejaVu Sans"))).toBe(true);
  });

  it("is a PNG whose Chinese labels change the picture", async () => {
    const first = await chart(["精密制造", "数字低空"]);
    const second = await chart(["智能家电", "生物医药"]);
    expect(first.subarray(0, 8)).toEqual(pngSignature);
    expect(first.subarray(12, 16).toString("ascii")).toBe("IHDR");
    expect(first.readUInt32BE(16)).toBe(1080);
    expect(first.equals(second)).toBe(false);
  });
});
