import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../bot/config.ts";

describe("configuration", () => {
  it("works with no settings at all, using the embedded defaults", () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe("file:data/craftbridge.db");
    expect(config.REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(config.BOT_NAME).toBe("匠桥");
    expect(config.TERMINAL_STAFF).toEqual(["工会小陈"]);
    expect(config.DEMO_DATA).toBe(true);
  });

  it("stops on a bad value and names the variable", () => {
    expect(() => loadConfig({ REDIS_URL: "not a url" })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_URL: "not a url" })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ DIGEST_TIME: "8.30" })).toThrow(/DIGEST_TIME/);
    expect(() => loadConfig({ DEMO_DATA: "maybe" })).toThrow(/DEMO_DATA/);
  });

  it("reads comma-separated staff names, Chinese comma too", () => {
    expect(loadConfig({ TERMINAL_STAFF: "工会小陈，工会老李, Amy" }).TERMINAL_STAFF).toEqual([
      "工会小陈",
      "工会老李",
      "Amy",
    ]);
  });
});
