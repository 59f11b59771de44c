// The Lark open platform client, pointed at Feishu (China), Lark (international) or any base URL
// (a local fake open platform in tests).
import { Client, Domain, LoggerLevel } from "@larksuiteoapi/node-sdk";
import type { Log } from "../../../core/log.ts";

export interface LarkCredentials {
  appId: string;
  appSecret: string;
  /** feishu, lark, or a base URL such as http://127.0.0.1:4010 */
  domain: string;
  /** Where the SDK's own messages go (at debug: the adapter logs what a failure means). */
  log?: Log;
}

/** One short line from whatever the SDK logs (an axios error with its whole response, as often as not). */
function sdkText(parts: unknown[]): string {
  return parts
    .flat(2)
    .map((part) => String((part as { message?: unknown } | null)?.message ?? part).slice(0, 200))
    .join(" ");
}

/**
 * The SDK prints to stdout by default, which is the terminal chat's when both run; its messages go
 * to the log instead.
 */
function sdkLogger(log: Log) {
  const write = (...parts: unknown[]) => log.debug({ sdk: sdkText(parts) }, "Lark SDK");
  return { error: write, warn: write, info: write, debug: write, trace: write };
}

/** The SDK's domain for a LARK_DOMAIN setting. */
export function larkDomain(domain: string): Domain | string {
  if (domain === "feishu") return Domain.Feishu;
  if (domain === "lark") return Domain.Lark;
  return domain.replace(/\/+$/, "");
}

/** Where a client keeps its tenant token; emptying it makes the next call fetch a fresh one. */
export type TokenStore = Map<string, { value: unknown; expire?: number }>;

/** A client with a token cache of its own, so two apps (or two tests) in one process never share tokens. */
export function createLarkClient(credentials: LarkCredentials, store: TokenStore = new Map()): Client {
  const keyOf = (key: string | symbol, namespace?: string) => `${namespace ?? ""}:${String(key)}`;
  return new Client({
    appId: credentials.appId,
    appSecret: credentials.appSecret,
    domain: larkDomain(credentials.domain),
    loggerLevel: LoggerLevel.error,
    ...(credentials.log ? { logger: sdkLogger(credentials.log) } : {}),
    cache: {
      set: async (key, value, expire, options) => {
        store.set(keyOf(key as string | symbol, options?.namespace), { value, expire });
        return true;
      },
      get: async (key, options) => {
        const entry = store.get(keyOf(key as string | symbol, options?.namespace));
        if (!entry || (entry.expire !== undefined && entry.expire < Date.now())) return undefined;
        return entry.value;
      },
    },
  });
}
