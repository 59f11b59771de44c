import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLog, redactPhones } from "../../core/log.ts";

describe("logs", () => {
  it("never carry a whole mobile number", async () => {
    const sink = new PassThrough();
    let written = "";
    sink.on("data", (chunk: Buffer) => {
      written += chunk.toString();
    });
    const log = createLog("info", sink);
    log.info({ text: "我的电话 13900001234" }, "message from 13800138000");
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).not.toMatch(/13900001234|13800138000/);
    expect(written).toContain("139****1234");
    expect(redactPhones("call 13712345678 now")).toBe("call 137****5678 now");
  });
});
