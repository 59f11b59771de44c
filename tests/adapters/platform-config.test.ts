// Which platforms the settings turn on, and the settings that cannot work.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../core/config.ts";

describe("platform settings", () => {
  it("talks in the terminal when neither WeChat nor Lark is configured", () => {
    expect(loadConfig({}).platforms).toEqual(["terminal"]);
  });

  it("turns on WeChat with a puppet and Lark with an app, the terminal only when asked", () => {
    const both = loadConfig({ WECHATY_PUPPET: "wechat4u", LARK_APP_ID: "cli_a", LARK_APP_SECRET: "s" });
    expect(both.platforms).toEqual(["wechat", "lark"]);
    expect(both.WECHATY_PUPPET).toBe("wechaty-puppet-wechat4u");
    expect(both.LARK_MODE).toBe("ws");
    expect(both.LARK_DOMAIN).toBe("feishu");
    expect(loadConfig({ WECHATY_PUPPET: "wechat4u", TERMINAL: "true" }).platforms).toEqual(["terminal", "wechat"]);
  });

  it("reads the WeChat send budget", () => {
    const config = loadConfig({ WECHATY_PUPPET: "wechat4u", WECHAT_ROOM_GAP_MS: "1500-2500", WECHAT_PER_MINUTE: "10" });
    expect(config.WECHAT_ROOM_GAP_MS).toEqual({ min: 1500, max: 2500 });
    expect(config.WECHAT_PER_MINUTE).toBe(10);
    expect(loadConfig({}).WECHAT_ROOM_GAP_MS).toEqual({ min: 1000, max: 3000 });
  });

  it("names the variable that is missing or wrong", () => {
    const fails = (env: Record<string, string>, variable: string) => {
      try {
        loadConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).variable).toBe(variable);
        return;
      }
      throw new Error(`no ConfigError for ${variable}`);
    };
    fails({ WECHATY_PUPPET: "wechaty-puppet-service" }, "WECHATY_PUPPET_TOKEN");
    fails({ WECHATY_PUPPET: "nonsense" }, "WECHATY_PUPPET");
    fails({ LARK_APP_ID: "cli_a" }, "LARK_APP_SECRET");
    fails({ LARK_APP_ID: "cli_a", LARK_APP_SECRET: "s", LARK_MODE: "webhook" }, "LARK_ENCRYPT_KEY");
    // A verification token alone does not sign events: one seen once could be replayed for ever.
    fails(
      { LARK_APP_ID: "cli_a", LARK_APP_SECRET: "s", LARK_MODE: "webhook", LARK_VERIFICATION_TOKEN: "v" },
      "LARK_ENCRYPT_KEY",
    );
    fails({ LARK_DOMAIN: "example" }, "LARK_DOMAIN");
    fails({ WECHAT_ROOM_GAP_MS: "fast" }, "WECHAT_ROOM_GAP_MS");
  });
});
