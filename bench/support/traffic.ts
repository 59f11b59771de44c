// Traffic for the message benches: IncomingMessage objects shaped exactly as the terminal adapter
// makes them, complete help requests from the labelled corpus, and two load shapes (closed loop and
// paced at a fixed rate, latency counted from the scheduled time so a stall is not hidden).
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { IncomingMessage } from "../../core/messages.ts";
import { understand } from "../../core/understanding/understand.ts";
import { missingField } from "../../handlers/request-intake.ts";

let counter = 0;

/** A message from `speaker` in group chat `chat` (or their private chat), as TerminalAdapter builds it. */
export function terminalMessage(botName: string, speaker: string, chat: string, text: string): IncomingMessage {
  const direct = chat.startsWith("dm:");
  return {
    platform: "terminal",
    messageId: `${Date.now().toString(36)}-${(counter++).toString(36)}-${randomUUID().slice(0, 8)}`,
    chatId: chat,
    chatKind: direct ? "direct" : "group",
    chatTitle: direct ? speaker : chat,
    senderId: speaker,
    senderName: speaker,
    text,
    mentionsBot: text.includes(`@${botName}`),
    receivedAt: new Date(),
  };
}

/**
 * Help requests of the labelled corpus that the bot registers at once (no question back), so every
 * message ends in a stored request, an acknowledgement and a match job.
 */
export function completeRequestTexts(): string[] {
  const raw = readFileSync(new URL("../../tests/understanding/corpus.jsonl", import.meta.url), "utf8");
  const texts: string[] = [];
  for (const line of raw.split("\n")) {
    if (!line.trim()) continue;
    const { text } = JSON.parse(line) as { text: string };
    const understood = understand(text, { now: new Date() });
    if (understood.intent !== "request" || !understood.request) continue;
    if (understood.request.skills.length === 0) continue;
    if (missingField(understood.request, text) === null) texts.push(text);
  }
  return texts;
}

/** Runs `count` calls with at most `inFlight` at once; returns the wall time in seconds. */
export async function closedLoop(count: number, inFlight: number, call: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < count) await call(next++);
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, count) }, lane));
  return (performance.now() - started) / 1000;
}

/**
 * Starts call i at `i / rate` seconds, whether or not earlier calls have finished, and returns each
 * call's latency in ms from its scheduled start to its end.
 */
export async function paced(
  count: number,
  rate: number,
  call: (i: number, due: number) => Promise<void>,
): Promise<number[]> {
  const gapMs = 1000 / rate;
  const latencies: number[] = new Array(count);
  const running: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const due = t0 + i * gapMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    running.push(
      call(i, due).then(() => {
        latencies[i] = performance.now() - due;
      }),
    );
  }
  await Promise.all(running);
  return latencies;
}
