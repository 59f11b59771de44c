// The WeChat and Lark adapters the configuration asks for. The SDKs are loaded only when their
// platform is configured, so the terminal chat starts without them.

import type { Config } from "../../core/config.ts";
import type { Log } from "../../core/log.ts";
import type { Adapter } from "../../core/messages.ts";
import type { Db } from "../../prisma/client.ts";
import type { HttpProbe } from "../health.ts";
import { staffRosterFiles } from "./upload-policy.ts";

export interface PlatformHooks {
  /** The database once the app has started: sent cards are read from the outbox. */
  db?: () => Db | undefined;
  /** /healthz and /readyz on the Lark webhook's port. */
  probe?: HttpProbe;
}

/**
 * Builds an adapter for WeChat (when WECHATY_PUPPET is set) and for Lark (when LARK_APP_ID is set).
 * The terminal adapter is not among them: the caller builds it when `config.platforms` has it.
 */
export async function createPlatformAdapters(config: Config, log: Log, hooks: PlatformHooks = {}): Promise<Adapter[]> {
  const db = hooks.db ?? (() => undefined);
  const adapters: Adapter[] = [];
  if (config.platforms.includes("wechat") && config.WECHATY_PUPPET) {
    const { WechatyAdapter } = await import("./wechaty/wechaty-adapter.ts");
    const { outboxLatestCard } = await import("./wechaty/latest-card.ts");
    adapters.push(
      new WechatyAdapter({
        puppet: config.WECHATY_PUPPET,
        puppetToken: config.WECHATY_PUPPET_TOKEN,
        name: config.WECHATY_NAME,
        log,
        budget: {
          gapMs: config.WECHAT_ROOM_GAP_MS,
          perMinute: config.WECHAT_PER_MINUTE,
          perDay: config.WECHAT_PER_DAY,
        },
        latestCard: outboxLatestCard(db),
        uploads: config.uploads,
      }),
    );
  }
  if (config.platforms.includes("lark") && config.LARK_APP_ID && config.LARK_APP_SECRET) {
    const { LarkAdapter } = await import("./lark/lark-adapter.ts");
    const { outboxCards } = await import("./lark/card-owner.ts");
    const { databaseInbox } = await import("./lark/lark-inbox.ts");
    adapters.push(
      new LarkAdapter({
        appId: config.LARK_APP_ID,
        appSecret: config.LARK_APP_SECRET,
        domain: config.LARK_DOMAIN,
        mode: config.LARK_MODE,
        verificationToken: config.LARK_VERIFICATION_TOKEN,
        encryptKey: config.LARK_ENCRYPT_KEY,
        webhookPort: config.LARK_WEBHOOK_PORT,
        webhookPath: config.LARK_WEBHOOK_PATH,
        botName: config.BOT_NAME,
        log,
        findCard: outboxCards(db),
        uploads: config.uploads,
        inbox: databaseInbox(db),
        wantsFile: staffRosterFiles(db, config, "lark"),
        recoverAfterMs: config.JOB_LOCK_MS,
        probe: hooks.probe,
      }),
    );
  }
  return adapters;
}
