import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, parseRedisUrl } from "../../core/config.ts";

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
    expect(() => loadConfig({ DATABASE_URL: "libsql://db.example.com" })).toThrow(
      "Invalid setting DATABASE_URL: expected a SQLite file URL such as file:data/craftbridge.db, or a PostgreSQL URL such as postgresql://user:password@host:5432/craftbridge.",
    );
    expect(() => loadConfig({ DATABASE_URL: "mysql://db.example.com/craftbridge" })).toThrow("or a PostgreSQL URL");
    for (const url of ["postgresql://bot:secret@db.example.com:5432/craftbridge", "postgres://127.0.0.1/cb"]) {
      expect(loadConfig({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    }
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

  it("reads DIGEST_CHAT as platform:chat, and names it when the chat is no group or on no platform in use", () => {
    expect(loadConfig({ DIGEST_CHAT: "terminal:工会工作群" }).DIGEST_CHAT).toEqual({
      platform: "terminal",
      chatId: "工会工作群",
    });
    const lark = { LARK_APP_ID: "cli_a", LARK_APP_SECRET: "secret" };
    expect(loadConfig({ ...lark, DIGEST_CHAT: "lark:oc_5ad11d72b830411d72b836c20" }).DIGEST_CHAT).toEqual({
      platform: "lark",
      chatId: "oc_5ad11d72b830411d72b836c20",
    });
    expect(loadConfig({}).DIGEST_CHAT).toBeUndefined();
    for (const wrong of ["工会工作群", "lark:ou_person", "wechat:wxid_person", "terminal:dm:工会小陈", "slack:C01"]) {
      expect(() => loadConfig({ DIGEST_CHAT: wrong })).toThrow(
        /DIGEST_CHAT: expected a group chat such as lark:oc_xxx/,
      );
    }
    expect(() => loadConfig({ DIGEST_CHAT: "wechat:123@chatroom" })).toThrow(
      "Invalid setting DIGEST_CHAT: expected a chat on a platform this deployment talks on (terminal).",
    );
  });

  it("reads a Redis Cluster or a Sentinel from REDIS_URL, and refuses a malformed one by name", () => {
    expect(parseRedisUrl("redis+cluster://10.0.0.1:7000,10.0.0.2:7001,[fd00::3]:7002")).toEqual({
      kind: "cluster",
      nodes: [
        { host: "10.0.0.1", port: 7000 },
        { host: "10.0.0.2", port: 7001 },
        { host: "fd00::3", port: 7002 },
      ],
      username: undefined,
      password: undefined,
      tls: false,
    });
    expect(parseRedisUrl("rediss+sentinel://:p%40ss@s1,s2:26380/bridge-master/2?sentinelPassword=watch")).toEqual({
      kind: "sentinel",
      sentinels: [
        { host: "s1", port: 26379 },
        { host: "s2", port: 26380 },
      ],
      name: "bridge-master",
      db: 2,
      username: undefined,
      password: "p@ss",
      sentinelPassword: "watch",
      tls: true,
    });
    expect(loadConfig({ REDIS_URL: "redis+cluster://h1:7000,h2:7001" }).REDIS_URL).toBe(
      "redis+cluster://h1:7000,h2:7001",
    );
    // A Sentinel URL without the master's name cannot be followed.
    expect(() => loadConfig({ REDIS_URL: "redis+sentinel://s1:26379" })).toThrow(/REDIS_URL: expected .*mastername/);
    expect(() => loadConfig({ REDIS_URL: "redis+cluster://h1:70000x" })).toThrow(/REDIS_URL/);
  });

  it("keeps every queue of a deployment under one hash tag, so a Redis Cluster holds them in one slot", () => {
    expect(loadConfig({}).QUEUE_PREFIX).toBe("{craftbridge}");
    expect(loadConfig({ QUEUE_PREFIX: "guangdong" }).QUEUE_PREFIX).toBe("{guangdong}");
    expect(loadConfig({ QUEUE_PREFIX: "{guangdong}" }).QUEUE_PREFIX).toBe("{guangdong}");
    expect(() => loadConfig({ QUEUE_PREFIX: "a:b" })).toThrow(/QUEUE_PREFIX/);
    expect(() => loadConfig({ QUEUE_PREFIX: "{guangdong" })).toThrow(/QUEUE_PREFIX/);
  });

  it("keeps the drain before a shutdown and the jobs' grace within the 9 s a stopping process has", () => {
    expect(loadConfig({ SHUTDOWN_DRAIN_MS: "4000", SHUTDOWN_GRACE_MS: "5000" }).SHUTDOWN_DRAIN_MS).toBe(4000);
    expect(() => loadConfig({ SHUTDOWN_DRAIN_MS: "4000" })).toThrow(
      "Invalid setting SHUTDOWN_DRAIN_MS: expected with SHUTDOWN_GRACE_MS at most 9000 ms in all.",
    );
  });
});
