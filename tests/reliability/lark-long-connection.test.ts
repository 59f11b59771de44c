// The Lark long connection (LARK_MODE=ws, the README's default) with settings Lark refuses: the start
// fails with an error naming the setting, instead of logging "started" and staying deaf for ever.
import { afterEach, describe, expect, it } from "vitest";
import { LarkAdapter } from "../../bot/adapters/lark/lark-adapter.ts";
import { createLog } from "../../core/log.ts";
import { type FakeLark, startFakeLark } from "../adapters/fake-lark.ts";

let fake: FakeLark | undefined;
let adapter: LarkAdapter | undefined;
afterEach(async () => {
  await adapter?.stop();
  await fake?.close();
});

function longConnection(appId: string, domain: string): LarkAdapter {
  return new LarkAdapter({
    appId,
    appSecret: "secret",
    domain,
    mode: "ws",
    webhookPort: 0,
    webhookPath: "/lark/events",
    botName: "匠桥",
    log: createLog("silent"),
  });
}

describe("the Lark long connection with a wrong app id", () => {
  it("refuses to start when the app id is not one at all", async () => {
    fake = await startFakeLark();
    adapter = longConnection("cli_test", fake.url);
    await expect(adapter.start(async () => undefined)).rejects.toThrow(/LARK_APP_ID "cli_test"/);
  });

  it("refuses to start when Lark does not know the app", async () => {
    fake = await startFakeLark();
    fake.wsApps.add("cli_0123456789abcdef");
    adapter = longConnection("cli_fedcba9876543210", fake.url);
    await expect(adapter.start(async () => undefined)).rejects.toThrow(/check LARK_APP_ID and LARK_APP_SECRET/);
  });
});
