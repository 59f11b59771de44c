// The only reader of process.env. Every setting is validated once at start; a bad value stops the
// program with the variable's name and what it expects, before anything connects.
import { existsSync } from "node:fs";
import { z } from "zod";

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

const schema = z.object({
  DATABASE_URL: z.string().min(1).default("file:data/craftbridge.db"),
  REDIS_URL: z.string().url().default("redis://127.0.0.1:6379"),
  REDIS_AUTOSTART: bool.default("true"),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, "letters, digits, - and _")
    .default("craftbridge"),
  BOT_NAME: z.string().min(1).default("匠桥"),
  DEFAULT_LOCALE: z.enum(["zh-CN", "en"]).default("zh-CN"),
  DEMO_DATA: bool.default("true"),
  TERMINAL_STAFF: nameList.default("工会小陈"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  OFFER_TIMEOUT_HOURS: positiveInt.default(24),
  MONTHLY_OFFER_CAP: positiveInt.default(4),
  MATCH_CANDIDATES: positiveInt.default(10),
  DIGEST_TIME: clock.default("08:30"),
});

export type Config = z.infer<typeof schema> & {
  /** Platforms this process talks on. */
  platforms: Platform[];
};

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
  return { ...parsed.data, platforms: ["terminal"] };
}
