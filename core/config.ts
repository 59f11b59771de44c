// The only reader of process.env. Every setting is validated once at start; a bad value stops the
// program with the variable's name and what it expects, before anything connects.
import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { locales } from "./i18n.ts";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"])
  .transform((value) => ["true", "1", "yes", "on"].includes(value));
const positiveInt = z.coerce.number().int().positive();
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a local time such as 08:30");
const nameList = z.string().transform((value) =>
  value
    .split(/[,，]/)
    .map((name) => name.trim())
    .filter(Boolean),
);

/**
 * A group chat as `platform:id`: `lark:oc_…` (a Lark chat_id), `wechat:…@chatroom` (a WeChat room id) or
 * `terminal:NAME` (a terminal group chat, as `/in NAME` enters it).
 */
const groupChat = z.string().transform((value, ctx) => {
  const [, platform = "", id = ""] = /^(\w+):(.+)$/.exec(value.trim()) ?? [];
  const chatId = id.trim();
  const valid =
    (platform === "lark" && chatId.startsWith("oc_")) ||
    (platform === "wechat" && chatId.endsWith("@chatroom")) ||
    (platform === "terminal" && !chatId.startsWith("dm:"));
  if (!valid || !chatId) {
    ctx.addIssue({ code: "custom", message: "a group chat such as lark:oc_xxx, wechat:123@chatroom or terminal:NAME" });
    return z.NEVER;
  }
  return { platform: platform as Platform, chatId };
});

// --- WeChat and Lark settings (bot/adapters/wechaty, bot/adapters/lark) ---
const puppetAliases: Record<string, string> = {
  service: "wechaty-puppet-service",
  padlocal: "wechaty-puppet-padlocal",
  wechat4u: "wechaty-puppet-wechat4u",
};
const puppetNames = [
  "wechaty-puppet-service",
  "wechaty-puppet-padlocal",
  "wechaty-puppet-wechat4u",
  "wechaty-puppet-mock",
];
/** "1000-3000" (jittered uniformly) or "1500" (fixed), in milliseconds. */
const gapRange = z
  .string()
  .regex(/^\d+(?:\s*-\s*\d+)?$/, "milliseconds such as 1000-3000 or 1500")
  .transform((value) => {
    const [min = 0, max = min] = value.split("-").map((part) => Number.parseInt(part.trim(), 10));
    return { min: Math.min(min, max), max: Math.max(min, max) };
  });
const platformSettings = {
  WECHATY_PUPPET: z
    .string()
    .transform((value) => puppetAliases[value] ?? value)
    .pipe(z.enum(puppetNames as [string, ...string[]], { message: `one of ${puppetNames.join(", ")}` }))
    .optional(),
  WECHATY_PUPPET_TOKEN: z.string().optional(),
  WECHATY_NAME: z.string().min(1).default("craftbridge"),
  WECHAT_ROOM_GAP_MS: gapRange.default("1000-3000"),
  WECHAT_PER_MINUTE: positiveInt.default(20),
  WECHAT_PER_DAY: positiveInt.default(800),
  LARK_APP_ID: z.string().optional(),
  LARK_APP_SECRET: z.string().optional(),
  LARK_DOMAIN: z
    .string()
    .refine((value) => value === "feishu" || value === "lark" || /^https?:\/\/\S+$/.test(value), {
      message: "feishu, lark or a base URL such as https://open.feishu.cn",
    })
    .default("feishu"),
  LARK_MODE: z.enum(["webhook", "ws"]).default("ws"),
  LARK_VERIFICATION_TOKEN: z.string().optional(),
  LARK_ENCRYPT_KEY: z.string().optional(),
  LARK_WEBHOOK_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LARK_WEBHOOK_PATH: z.string().startsWith("/", "a path such as /lark/events").default("/lark/events"),
  TERMINAL: bool.optional(),
};

/** Which platforms the settings turn on; the terminal when none is, or when TERMINAL=true. */
function platformsOf(settings: z.infer<typeof schema>): Platform[] {
  const platforms: Platform[] = [];
  const puppet = settings.WECHATY_PUPPET;
  if (puppet) {
    // These puppets log in through a paid service and cannot start without its token.
    if (/service|padlocal/.test(puppet) && !settings.WECHATY_PUPPET_TOKEN) {
      throw new ConfigError("WECHATY_PUPPET_TOKEN", `the token of ${puppet}`);
    }
    platforms.push("wechat");
  }
  if (settings.LARK_APP_ID || settings.LARK_APP_SECRET) {
    if (!settings.LARK_APP_ID) throw new ConfigError("LARK_APP_ID", "the app id (cli_...) with LARK_APP_SECRET");
    if (!settings.LARK_APP_SECRET) throw new ConfigError("LARK_APP_SECRET", "the app secret with LARK_APP_ID");
    // Only the encrypt key makes Lark sign its requests (with a timestamp): a verification token alone sits
    // in every event's body, so whoever saw one event could replay it, or forge one "from" staff, for ever.
    if (settings.LARK_MODE === "webhook" && !settings.LARK_ENCRYPT_KEY) {
      throw new ConfigError(
        "LARK_ENCRYPT_KEY",
        "the encrypt key in webhook mode (Lark console: Events and callbacks > Encryption strategy)",
      );
    }
    platforms.push("lark");
  }
  if (platforms.length === 0 || settings.TERMINAL) platforms.unshift("terminal");
  return platforms;
}
// --- end of WeChat and Lark settings ---

// --- Reliability settings (jobs/job-system.ts, jobs/deliver.ts, bot/throttle.ts, bot/inbound-dedupe.ts) ---
const reliabilitySettings = {
  /** A job whose worker stops renewing its lock for this long is handed to another worker. */
  JOB_LOCK_MS: positiveInt.default(30_000),
  /** How often workers look for such stalled jobs. */
  JOB_STALLED_INTERVAL_MS: positiveInt.default(30_000),
  /** First retry delay of a failed job; doubles with each attempt. */
  JOB_BACKOFF_MS: positiveInt.default(500),
  /** Attempts of a job before it is marked failed (a message: then shown to staff). */
  JOB_ATTEMPTS: positiveInt.default(5),
  /** A platform send that has not answered after this long counts as failed and is retried. */
  SEND_TIMEOUT_MS: positiveInt.default(30_000),
  /** SIGTERM: running jobs get this long to finish before they are handed back; the process exits before 10 s. */
  SHUTDOWN_GRACE_MS: positiveInt.default(7000),
  /**
   * SIGTERM: /readyz answers 503 for this long while the process still works as before, so that a load
   * balancer stops sending before the webhook closes. With SHUTDOWN_GRACE_MS it must fit in 9 s.
   */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).default(0),
  /** A port for /healthz and /readyz in any process (a worker has no other HTTP server); 0 is none. */
  HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  HEALTH_HOST: z.string().min(1).default("0.0.0.0"),
  /** The same text from the same sender in the same chat within this window is one message (re-sent under a new id). */
  DUPLICATE_WINDOW_SECONDS: z.coerce.number().int().min(0).default(60),
  /** A sender may send this many messages per window in a chat; beyond that, one notice and silence. */
  THROTTLE_MAX_MESSAGES: positiveInt.default(20),
  THROTTLE_WINDOW_SECONDS: positiveInt.default(10),
};
// --- end of reliability settings ---

// --- Redis: one server, a Cluster or a Sentinel-watched master (jobs/redis-connection.ts connects) ---
export interface RedisNode {
  host: string;
  port: number;
}

/** Where Redis is, as REDIS_URL names it. */
export type RedisTarget =
  | { kind: "single"; url: string }
  | { kind: "cluster"; nodes: RedisNode[]; username?: string; password?: string; tls: boolean }
  | {
      kind: "sentinel";
      sentinels: RedisNode[];
      /** The master's name as the sentinels know it. */
      name: string;
      username?: string;
      password?: string;
      sentinelPassword?: string;
      db: number;
      tls: boolean;
    };

const redisUrlForms =
  "redis://host:port, rediss://…, redis+cluster://host:port,host:port or redis+sentinel://host:port,host:port/mastername";

function redisNodes(list: string, defaultPort: number): RedisNode[] | null {
  const nodes: RedisNode[] = [];
  for (const item of list.split(",")) {
    const [, bracketed, plain, port] = /^(?:\[([^\]]+)\]|([^:[\]]+))(?::(\d{1,5}))?$/.exec(item.trim()) ?? [];
    const host = bracketed ?? plain;
    if (!host) return null;
    nodes.push({ host, port: port ? Number(port) : defaultPort });
  }
  return nodes;
}

/**
 * Reads REDIS_URL: `redis://` or `rediss://` for one server; `redis+cluster://[user:pass@]h1:p1,h2:p2`
 * (any reachable nodes of a Redis Cluster, the rest are discovered); `redis+sentinel://[user:pass@]
 * h1:p1,h2:p2/mastername[/db][?sentinelPassword=…]` for a master that Sentinel fails over. The `rediss+`
 * forms use TLS. Returns null for anything else.
 */
export function parseRedisUrl(url: string): RedisTarget | null {
  const single = /^rediss?:\/\/[^\s]+$/.test(url) && URL.canParse(url);
  if (single) return { kind: "single", url };
  const match = /^(rediss?)\+(cluster|sentinel):\/\/(?:([^@/]*)@)?([^/?#]+)(\/[^?#]*)?(?:\?([^#]*))?$/.exec(url);
  if (!match) return null;
  const [, scheme, kind, userinfo = "", hosts = "", pathname = "", query = ""] = match;
  const [user = "", pass = ""] = userinfo.split(/:(.*)/s);
  const credentials = {
    username: user ? decodeURIComponent(user) : undefined,
    password: pass ? decodeURIComponent(pass) : undefined,
    tls: scheme === "rediss",
  };
  if (kind === "cluster") {
    const nodes = redisNodes(hosts, 6379);
    return nodes && (pathname === "" || pathname === "/") ? { kind: "cluster", nodes, ...credentials } : null;
  }
  const sentinels = redisNodes(hosts, 26379);
  const [, name = "", db = "0", ...rest] = pathname.split("/");
  if (!sentinels || !name || rest.length > 0 || !/^\d+$/.test(db)) return null;
  const sentinelPassword = new URLSearchParams(query).get("sentinelPassword") ?? undefined;
  return {
    kind: "sentinel",
    sentinels,
    name: decodeURIComponent(name),
    db: Number(db),
    sentinelPassword,
    ...credentials,
  };
}

/**
 * Every BullMQ key of this deployment sits under one hash tag, `{name}`: a Redis Cluster then keeps
 * them all in one slot, as BullMQ's scripts (which touch several keys of a queue at once) require.
 */
export function hashTagged(prefix: string): string {
  return /^\{[^{}]+\}$/.test(prefix) ? prefix : `{${prefix}}`;
}

const redisSettings = {
  REDIS_URL: z
    .string()
    .refine((value) => parseRedisUrl(value) !== null, { message: redisUrlForms })
    .default("redis://127.0.0.1:6379"),
  /** Start a private redis-server when none answers (a plain redis:// URL only). */
  REDIS_AUTOSTART: bool.default("true"),
  /** Name of this deployment's queues in Redis; always used hash-tagged (`{craftbridge}`), see hashTagged. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^(?:[A-Za-z0-9_-]+|\{[A-Za-z0-9_-]+\})$/, "letters, digits, - and _")
    .transform(hashTagged)
    .default("craftbridge"),
};
// --- end of Redis ---

const schema = z.object({
  // A SQLite file (one machine), or a PostgreSQL database (several processes or machines): the hot path
  // runs typed plain SQL beside Prisma on either (prisma/direct-sql.ts, prisma/postgres/postgres-sql.ts).
  DATABASE_URL: z
    .string()
    .regex(
      /^(file:.+|postgres(ql)?:\/\/.+)$/,
      "a SQLite file URL such as file:data/craftbridge.db, or a PostgreSQL URL such as postgresql://user:password@host:5432/craftbridge",
    )
    .default("file:data/craftbridge.db"),
  ...redisSettings,
  BOT_NAME: z.string().min(1).default("匠桥"),
  DEFAULT_LOCALE: z.enum(locales).default("zh-CN"),
  DEMO_DATA: bool.default("true"),
  TERMINAL_STAFF: nameList.default("工会小陈"),
  // --- Roles set in configuration (bot/people.ts): platform ids (or platform:id) anywhere, names in the terminal ---
  ADMINS: nameList.default(""),
  STAFF: nameList.default(""),
  // --- end of roles ---
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  OFFER_TIMEOUT_HOURS: z.coerce.number().positive().default(24),
  DRAFT_TIMEOUT_MINUTES: z.coerce.number().positive().default(120),
  FOLLOW_UP_DAYS: z.coerce.number().positive().default(3),
  MONTHLY_OFFER_CAP: positiveInt.default(4),
  MATCH_CANDIDATES: positiveInt.default(10),
  DIGEST_TIME: clock.default("08:30"),
  // --- Files sent in the chat (bot/adapters/save-upload.ts, handlers/roster/roster-upload.ts) ---
  /** Largest file the adapters save; a larger one is answered politely and never written whole. */
  UPLOAD_MAX_MB: z.coerce.number().positive().max(100, "at most 100 (Lark hands over 100 MB at most)").default(20),
  /** Most data rows a roster file may hold; a larger file is refused whole, before anything is written. */
  ROSTER_MAX_ROWS: z.coerce.number().int().positive().default(200_000),
  /** Memory the roster reader (a worker thread) may use; a file that unpacks to more is refused, the bot lives on. */
  ROSTER_MAX_MEMORY_MB: z.coerce.number().int().min(16).default(768),
  /** Where files sent in the chat wait for their import; by default `uploads` beside the SQLite file. */
  UPLOADS_DIR: z.string().optional(),
  /** Files beside the database (digest charts, uploads, a private Redis): the SQLite file's folder, or ./data. */
  DATA_DIR: z.string().optional(),
  // --- end of files ---
  // --- The staff console (console/): where it listens, and the address its login links start with ---
  CONSOLE_HOST: z.string().min(1).default("127.0.0.1"),
  /** 0 turns the console off in `craftbridge start`. */
  CONSOLE_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** The address staff open, when it is not http://CONSOLE_HOST:CONSOLE_PORT (a proxy, another machine). */
  CONSOLE_URL: z.string().url().optional(),
  // --- end of console ---
  /** A staff group chat that gets the programme's digest too, once a day. */
  DIGEST_CHAT: groupChat.optional(),
  ...platformSettings,
  ...reliabilitySettings,
});

export type Config = z.infer<typeof schema> & {
  /** Platforms this process talks on. */
  platforms: Platform[];
  /** Where files beside the database go (DATA_DIR, else the SQLite file's folder, else ./data). */
  dataDir: string;
  /** Where adapters save files sent in the chat, and the largest they save. */
  uploads: UploadSettings;
};

export interface UploadSettings {
  /** Absolute folder. */
  dir: string;
  maxBytes: number;
}

export type Platform = "terminal" | "wechat" | "lark";

/** A setting that cannot be used: names the variable and what it expects. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly expected: string,
  ) {
    super(`Invalid setting ${variable}: expected ${expected}.`);
    this.name = "ConfigError";
  }
}

/** Folder of a `file:` database URL, for files that belong beside it; `data` for any other database. */
export function dataDirOf(databaseUrl: string): string {
  return databaseUrl.startsWith("file:") ? path.dirname(path.resolve(databaseUrl.slice(5))) : path.resolve("data");
}

/** Reads `.env` from the working directory, if there is one, without overriding the environment. */
function loadDotEnv(): void {
  if (existsSync(".env")) process.loadEnvFile(".env");
}

/**
 * Validates the settings. Pass `env` in tests; by default it reads `.env` (if present) and `process.env`.
 * Throws {@link ConfigError} naming the first bad variable.
 */
export function loadConfig(env?: Record<string, string | undefined>): Config {
  if (!env) loadDotEnv();
  const source = env ?? process.env;
  // Empty values mean "use the default", as in most .env conventions.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue?.path[0] ?? "?"), issue?.message ?? "a valid value");
  }
  const settings = parsed.data;
  const platforms = platformsOf(settings);
  const digestChat = settings.DIGEST_CHAT;
  if (digestChat && !platforms.includes(digestChat.platform)) {
    throw new ConfigError("DIGEST_CHAT", `a chat on a platform this deployment talks on (${platforms.join(", ")})`);
  }
  // shutdown-signal.ts ends the process 9.5 s after the signal whatever is still running.
  if (settings.SHUTDOWN_DRAIN_MS > 0 && settings.SHUTDOWN_DRAIN_MS + settings.SHUTDOWN_GRACE_MS > 9000) {
    throw new ConfigError("SHUTDOWN_DRAIN_MS", "with SHUTDOWN_GRACE_MS at most 9000 ms in all");
  }
  const dataDir = settings.DATA_DIR ? path.resolve(settings.DATA_DIR) : dataDirOf(settings.DATABASE_URL);
  const uploads = {
    dir: path.resolve(settings.UPLOADS_DIR ?? path.join(dataDir, "uploads")),
    maxBytes: Math.floor(settings.UPLOAD_MAX_MB * 1024 * 1024),
  };
  return { ...settings, platforms, dataDir, uploads };
}

/** The address console login links start with, without a trailing slash. */
export function consoleBaseUrl(config: Pick<Config, "CONSOLE_HOST" | "CONSOLE_PORT" | "CONSOLE_URL">): string {
  if (config.CONSOLE_URL) return config.CONSOLE_URL.replace(/\/+$/, "");
  const host = config.CONSOLE_HOST.includes(":") ? `[${config.CONSOLE_HOST}]` : config.CONSOLE_HOST;
  return `http://${host}:${config.CONSOLE_PORT}`;
}
