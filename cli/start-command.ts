// `craftbridge start`: the bot on every platform configured, the terminal chat when none is.
import type { Command } from "commander";
import { createPlatformAdapters } from "../bot/adapters/index.ts";
import { TerminalAdapter } from "../bot/adapters/terminal.ts";
import { type App, startApp } from "../bot/app.ts";
import { RedisUnavailableError } from "../bot/redis.ts";
import { createLog, type Log } from "../core/log.ts";
import { configOrReport } from "./config-or-report.ts";
import { shutdownSignal } from "./shutdown-signal.ts";
import { latestTerminalCard } from "./terminal-cards.ts";

export function registerStartCommand(program: Command): void {
  program
    .command("start", { isDefault: true })
    .description("start the bot (the terminal chat when no WeChat or Lark is configured)")
    .action(async () => {
      process.exitCode = await runStart();
    });
}

/** The staff console beside the bot, unless CONSOLE_PORT is 0; a taken port is reported, not fatal. */
async function startConsole(app: App, log: Log): Promise<{ close(): Promise<void> } | null> {
  const { config } = app.services;
  if (config.CONSOLE_PORT === 0) return null;
  const [{ createConsole }, { serveConsole }] = await Promise.all([
    import("../console/console-app.ts"),
    import("../console/serve-console.ts"),
  ]);
  try {
    const served = await serveConsole(
      createConsole({ services: app.services }),
      config.CONSOLE_HOST,
      config.CONSOLE_PORT,
    );
    log.info({ url: served.url }, "Console ready");
    return served;
  } catch (error) {
    log.error({ err: error }, "The console could not listen on CONSOLE_HOST:CONSOLE_PORT");
    return null;
  }
}

async function runStart(): Promise<number> {
  const config = configOrReport();
  if (!config) return 2;
  // The terminal chat owns stdout; logs go to stderr and stay quiet unless asked for.
  const withTerminal = config.platforms.includes("terminal");
  const log = createLog(config.LOG_LEVEL ?? (withTerminal ? "warn" : "info"));
  const interactive = Boolean(process.stdin.isTTY);
  let app: App | undefined;
  let finish: (code: number) => void = () => undefined;
  const finished = new Promise<number>((resolve) => {
    finish = resolve;
  });
  // Listen for SIGTERM before anything starts: a signal during the start (a rolling restart that comes
  // quickly) ends the process cleanly once it has started, instead of killing it half-way.
  void shutdownSignal().then(() => finish(0));
  const platformAdapters = await createPlatformAdapters(config, log, {
    db: () => app?.services.db,
    probe: (req, res) => app?.health.probe(req, res) ?? false,
  });
  const terminal = withTerminal
    ? new TerminalAdapter({
        botName: config.BOT_NAME,
        input: process.stdin,
        output: process.stdout,
        interactive,
        latestCard: (speaker, chat) =>
          app ? latestTerminalCard(app.services.db, speaker, chat) : Promise.resolve(null),
        waitUntilIdle: () => app?.waitUntilIdle(60_000) ?? Promise.resolve(true),
        onEnd: () => finish(0),
        uploads: config.uploads,
      })
    : undefined;
  try {
    const adapters = terminal ? [terminal, ...platformAdapters] : platformAdapters;
    app = await startApp({ config, log, adapters, startAdapters: false });
  } catch (error) {
    if (error instanceof RedisUnavailableError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  try {
    for (const adapter of platformAdapters) await adapter.start(app.dispatch);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    await app.stop();
    return 1;
  }
  if (terminal) {
    if (interactive)
      process.stdout.write(
        `${config.BOT_NAME} craftbridge — /as NAME, /in CHAT, /in dm, /press N, /file PATH, /quit\n`,
      );
    await terminal.start(app.dispatch);
  }
  const served = await startConsole(app, log);
  const code = await finished;
  await served?.close();
  await app.stop();
  return code;
}
