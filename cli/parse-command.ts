// `craftbridge parse "TEXT"`: what the bot understands of one message, as JSON (contract 5).
import type { Command } from "commander";
import { contractView } from "../core/understanding/contract-view.ts";
import { understand } from "../core/understanding/understand.ts";

export function registerParseCommand(program: Command): void {
  program
    .command("parse")
    .description("print what the bot understands of a message, as JSON")
    .argument("<text...>", "the message")
    .option("--now <iso>", "reference time for relative dates (default: now)")
    .action((words: string[], options: { now?: string }) => {
      const now = options.now ? new Date(options.now) : new Date();
      if (Number.isNaN(now.getTime())) {
        process.stderr.write("--now expects an ISO date such as 2026-11-23T10:00:00+08:00\n");
        process.exitCode = 2;
        return;
      }
      process.stdout.write(`${JSON.stringify(contractView(understand(words.join(" "), { now })))}\n`);
    });
}
