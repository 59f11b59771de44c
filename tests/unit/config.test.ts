import path from "node:path";
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

  it("keeps files sent in the chat beside the database unless told otherwise, up to UPLOAD_MAX_MB", () => {
    const config = loadConfig({ DATABASE_URL: "file:/srv/craftbridge/bot.db" });
    expect(config.uploads).toEqual({ dir: path.resolve("/srv/craftbridge/uploads"), maxBytes: 20 * 1024 * 1024 });
    expect(loadConfig({ UPLOADS_DIR: "/mnt/shared/uploads", UPLOAD_MAX_MB: "5" }).uploads).toEqual({
      dir: path.resolve("/mnt/shared/uploads"),
      maxBytes: 5 * 1024 * 1024,
    });
    expect(() => loadConfig({ UPLOAD_MAX_MB: "500" })).toThrow(/UPLOAD_MAX_MB/);
    expect(() => loadConfig({ UPLOAD_MAX_MB: "lots" })).toThrow(/UPLOAD_MAX_MB/);
  });
});
