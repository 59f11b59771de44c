// A real bot for conversation tests: real SQLite file, real Redis (reached or started exactly as the
// program does), real BullMQ queues under a prefix of its own, driven through the terminal adapter.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough, Writable } from "node:stream";
import { TerminalAdapter } from "../../bot/adapters/terminal.ts";
import { type App, startApp } from "../../bot/app.ts";
import { latestTerminalCard } from "../../cli/terminal-cards.ts";
import { loadConfig } from "../../core/config.ts";
import { createLog } from "../../core/log.ts";
import { testDatabaseUrl } from "./test-database.ts";

export interface TestBot {
  app: App;
  /** The bot's own folder (its database file on SQLite, its charts and uploads). */
  dir: string;
  /** Types one line into the terminal and returns the lines the bot printed while handling it. */
  say(line: string): Promise<string[]>;
  /** Types several lines, one after another, and returns everything printed. */
  run(lines: string[]): Promise<string[]>;
  /** Everything printed so far. */
  output(): string[];
  /** Waits until a printed line matches, for work that is scheduled for later (reminders, follow-ups). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Stops the process but keeps its database and queues, for a restart. */
  crash(): Promise<{ dir: string; prefix: string }>;
  stop(): Promise<void>;
}

export interface TestBotOptions {
  /** Reuse the database folder and queue prefix of an earlier bot (a restart). */
  resume?: { dir: string; prefix: string };
  /** Where the bot's log goes (tests that read the log). */
  logTo?: NodeJS.WritableStream;
}

export async function startTestBot(env: Record<string, string> = {}, options: TestBotOptions = {}): Promise<TestBot> {
  const dir = options.resume?.dir ?? mkdtempSync(path.join(tmpdir(), "craftbridge-test-"));
  const prefix = options.resume?.prefix ?? `test-${randomUUID()}`;
  const config = loadConfig({
    DATABASE_URL: testDatabaseUrl(dir, "test.db"),
    DATA_DIR: dir,
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: "silent",
    ...env,
  });
  const log = createLog(config.LOG_LEVEL ?? "silent", options.logTo);
  const input = new PassThrough();
  const printed: string[] = [];
  let buffer = "";
  // Collects printed lines synchronously, so a line's output is complete when the line is handled.
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      buffer += chunk.toString("utf8");
      const parts = buffer.split("\n");
      buffer = parts.pop() ?? "";
      printed.push(...parts);
      callback();
    },
  });
  let app: App | undefined;
  let lineDone: (() => void) | undefined;
  const terminal = new TerminalAdapter({
    botName: config.BOT_NAME,
    input,
    output,
    interactive: false,
    latestCard: (speaker, chat) => (app ? latestTerminalCard(app.services.db, speaker, chat) : Promise.resolve(null)),
    waitUntilIdle: () => app?.waitUntilIdle(20_000) ?? Promise.resolve(true),
    onLineHandled: () => lineDone?.(),
    uploads: config.uploads,
  });
  app = await startApp({ config, log, adapters: [terminal], dataDir: dir, startAdapters: false });
  const started = app;
  await terminal.start(started.dispatch);

  const say = async (line: string) => {
    const before = printed.length;
    const done = new Promise<void>((resolve) => {
      lineDone = resolve;
    });
    input.write(`${line}\n`);
    await done;
    return printed.slice(before);
  };
  return {
    app: started,
    dir,
    say,
    run: async (lines) => {
      const out: string[] = [];
      for (const line of lines) out.push(...(await say(line)));
      return out;
    },
    output: () => [...printed],
    // The bound only stops a test that would hang: generous, so that a busy machine is slow, not failing.
    waitFor: async (pattern, timeoutMs = 60_000) => {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = printed.find((line) => pattern.test(line));
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`no line matching ${pattern} in:\n${printed.join("\n")}`);
    },
    crash: async () => {
      await started.stop();
      return { dir, prefix };
    },
    stop: async () => {
      await started.jobs.obliterate();
      await started.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
