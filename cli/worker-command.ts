// `craftbridge worker`: matching, offers, reminders, follow-ups and draft expiry, with no chat platform.
// Run as many as needed beside one `craftbridge start` on the same database, Redis and QUEUE_PREFIX;
// messages are delivered by the process that owns each platform session.
import type { Command } from "commander";
import { type StartOptions, startApp } from "../bot/app.ts";
import { RedisUnavailableError } from "../bot/redis.ts";
import { createLog } from "../core/log.ts";
import { configOrReport } from "./config-or-report.ts";
import { shutdownSignal } from "./shutdown-signal.ts";

export function registerWorkerCommand(program: Command): void {
  program
    .command("worker")
    .description("run the job workers only (matching, offers, reminders); start one `craftbridge start` for the chats")
    .action(async () => {
      process.exitCode = await runWorker();
    });
}

/** Runs the workers until SIGTERM or SIGINT; returns the exit code. */
export async function runWorker(options: Pick<StartOptions, "wrapSend"> = {}): Promise<number> {
  const config = configOrReport();
  if (!config) return 2;
  const log = createLog(config.LOG_LEVEL ?? "info");
  const signal = shutdownSignal();
  let app: Awaited<ReturnType<typeof startApp>>;
  try {
    app = await startApp({ config, log, adapters: [], startAdapters: false, wrapSend: options.wrapSend });
  } catch (error) {
    if (error instanceof RedisUnavailableError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  log.info({ prefix: config.QUEUE_PREFIX }, "Worker ready");
  log.info({ signal: await signal }, "Worker stopping");
  await app.stop();
  log.info("Worker stopped");
  return 0;
}
