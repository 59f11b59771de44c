// Conversation-test helpers: bots started in a test are stopped after it, and who got an offer.
import { afterEach } from "vitest";
import { startTestBot, type TestBot, type TestBotOptions } from "./test-bot.ts";

/** Returns a starter whose bots are all stopped after each test of the calling file. */
export function useTestBots(): (env?: Record<string, string>, resume?: TestBotOptions["resume"]) => Promise<TestBot> {
  let bots: TestBot[] = [];
  afterEach(async () => {
    for (const started of bots.reverse()) await started.stop().catch(() => undefined);
    bots = [];
  });
  return async (env = {}, resume) => {
    const started = await startTestBot(env, { resume });
    bots.push(started);
    return started;
  };
}

/** The expert a private offer card for `code` was printed to. */
export function offeredTo(lines: string[], code = "R-0001"): string {
  const offer = lines.find((line) => line.startsWith("[dm:") && line.includes(code) && line.includes("[1:接受]"));
  if (!offer) throw new Error(`no offer for ${code} in:\n${lines.join("\n")}`);
  return /^\[dm:([^\]]+)\]/.exec(offer)?.[1] ?? "";
}
