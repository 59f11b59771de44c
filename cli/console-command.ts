// `craftbridge console` serves the staff console alone (same DATABASE_URL and REDIS_URL as the bot), and
// `craftbridge console-link NAME` prints a one-time login link for a staff member or admin.
import type { Command } from "commander";
import { startApp } from "../bot/app.ts";
import { RedisUnavailableError } from "../bot/redis.ts";
import { consoleBaseUrl } from "../core/config.ts";
import { translator } from "../core/i18n.ts";
import { createLog } from "../core/log.ts";
import { closeDatabase, openDatabase } from "../prisma/client.ts";
import { applyConfiguredRoles } from "../prisma/configured-roles.ts";
import { findStaffMember } from "../prisma/console-people.ts";
import { createConsoleLink } from "../prisma/console-sessions.ts";
import { configOrReport } from "./config-or-report.ts";
import { shutdownSignal } from "./shutdown-signal.ts";

export function registerConsoleCommands(program: Command): void {
  program
    .command("console")
    .description("serve the staff console alone on CONSOLE_HOST:CONSOLE_PORT")
    .action(async () => {
      process.exitCode = await runConsole();
    });
  program
    .command("console-link")
    .description("print a one-time console login link (15 minutes) for a staff member or admin")
    .argument("<name>", "a name in TERMINAL_STAFF, STAFF or ADMINS, a platform id, or a staff member's name")
    .action(async (name: string) => {
      process.exitCode = await runConsoleLink(name);
    });
}

async function runConsoleLink(name: string): Promise<number> {
  const config = configOrReport();
  if (!config) return 2;
  const t = translator(config.DEFAULT_LOCALE);
  const db = await openDatabase(config.DATABASE_URL);
  try {
    await applyConfiguredRoles(db, config);
    const member = await findStaffMember(db, config, name);
    if (!member) {
      process.stderr.write(`${t("console.link.not_staff", { name })}\n`);
      return 1;
    }
    const token = await createConsoleLink(db, member.personId);
    process.stdout.write(`${consoleBaseUrl(config)}/login/${token}\n`);
    return 0;
  } finally {
    await closeDatabase(db);
  }
}

async function runConsole(): Promise<number> {
  const config = configOrReport();
  if (!config) return 2;
  const log = createLog(config.LOG_LEVEL ?? "info");
  if (config.CONSOLE_PORT === 0) {
    process.stderr.write("CONSOLE_PORT is 0: the console is off.\n");
    return 2;
  }
  const signal = shutdownSignal();
  let app: Awaited<ReturnType<typeof startApp>>;
  try {
    // No adapters: messages the console's actions cause are delivered by the process that owns each platform.
    app = await startApp({ config, log, adapters: [], startAdapters: false });
  } catch (error) {
    if (error instanceof RedisUnavailableError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const [{ createConsole }, { serveConsole }] = await Promise.all([
    import("../console/console-app.ts"),
    import("../console/serve-console.ts"),
  ]);
  const served = await serveConsole(
    createConsole({ services: app.services }),
    config.CONSOLE_HOST,
    config.CONSOLE_PORT,
  );
  log.info({ url: served.url }, "Console ready");
  await signal;
  await served.close();
  await app.stop();
  return 0;
}
