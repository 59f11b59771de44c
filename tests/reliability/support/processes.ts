// Spawning, feeding and killing bot processes (bot-process.ts), and reading what the platform got.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { IncomingMessage } from "../../../core/messages.ts";
import type { Db } from "../../../prisma/client.ts";

const botScript = path.resolve("tests/reliability/support/bot-process.ts");
const larkScript = path.resolve("tests/reliability/support/lark-process.ts");

export interface BotProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when the process printed `text` (bounded wait). */
  printed(text: string, timeoutMs?: number): Promise<void>;
  say(message: Partial<IncomingMessage> & Pick<IncomingMessage, "senderId" | "chatId" | "text">): void;
  /** Resolves with the exit code once the process has exited (bounded wait). */
  exited(timeoutMs?: number): Promise<number | null>;
}

let counter = 0;

export async function startBotProcess(env: Record<string, string>, script = botScript): Promise<BotProcess> {
  const proc = spawnBot(["--import", "tsx", script], { LOG_LEVEL: "silent", ...env });
  await proc.printed("ready", 120_000);
  return proc;
}

/** `craftbridge worker` as deployed (bin/craftbridge.js), ready once it logs so. */
export async function startWorkerCommand(env: Record<string, string>): Promise<BotProcess> {
  const proc = spawnBot(["bin/craftbridge.js", "worker"], { ...env, LOG_LEVEL: "info" });
  const deadline = Date.now() + 120_000;
  while (!proc.stderr().includes("Worker ready")) {
    if (proc.child.exitCode !== null) throw new Error(`worker exited (${proc.child.exitCode}): ${proc.stderr()}`);
    if (Date.now() > deadline) throw new Error(`worker not ready:\n${proc.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return proc;
}

function spawnBot(args: string[], env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const proc: BotProcess = {
    child,
    stdout: () => out,
    stderr: () => err,
    printed: async (text, timeoutMs = 120_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!out.includes(text)) {
        if (child.exitCode !== null)
          throw new Error(`process exited (${child.exitCode}) before printing ${text}: ${err}`);
        if (Date.now() > deadline) throw new Error(`no "${text}" within ${timeoutMs} ms:\n${out}\n${err}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    say: (message) => {
      const direct = message.chatId.startsWith("dm:");
      const full: IncomingMessage = {
        platform: "terminal",
        messageId: `m-${process.pid}-${++counter}-${Date.now()}`,
        chatKind: direct ? "direct" : "group",
        chatTitle: direct ? message.senderId : message.chatId,
        senderName: message.senderId,
        mentionsBot: message.text.includes("@匠桥"),
        receivedAt: new Date(),
        ...message,
      };
      child.stdin?.write(`${JSON.stringify(full)}\n`);
    },
    exited: (timeoutMs = 30_000) =>
      Promise.race([
        exit,
        new Promise<number | null>((_, reject) =>
          setTimeout(() => reject(new Error(`still running after ${timeoutMs} ms`)), timeoutMs).unref(),
        ),
      ]),
  };
  return proc;
}

/** A bot process behind the real Lark adapter (lark-process.ts), and the port its webhook listens on. */
export async function startLarkProcess(env: Record<string, string>): Promise<BotProcess & { port: number }> {
  const proc = await startBotProcess(env, larkScript);
  const port = Number(/ready (\d+)/.exec(proc.stdout())?.[1]);
  return Object.assign(proc, { port });
}

export async function kill(proc: BotProcess): Promise<void> {
  proc.child.kill("SIGKILL");
  await proc.exited();
}

export interface PlatformSend {
  key: string;
  target: { kind: string; id: string };
  text: string;
  shown: boolean;
}

/** Every send attempt the platform file recorded. */
export function platformSends(file: string): PlatformSend[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as PlatformSend);
}

/**
 * Waits until `check` holds. The bound only stops a test that would hang: it is generous, so that a
 * machine with every core busy is slow, not failing.
 */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Each offer the platform has shown and nobody answered yet is accepted by its expert, through `say`
 * (answered records the offers already accepted); returns how many were accepted now.
 */
export async function acceptShownOffers(
  store: Db,
  sentFile: string,
  answered: Set<string>,
  say: BotProcess["say"],
): Promise<number> {
  const offers = await store.match.findMany({ where: { status: "offered" }, include: { expert: true, request: true } });
  const shown = new Set(platformSends(sentFile).map((send) => send.key));
  let accepted = 0;
  for (const offer of offers) {
    if (answered.has(offer.id) || !shown.has(`offer-${offer.id}`)) continue;
    answered.add(offer.id);
    say({ chatId: `dm:${offer.expert.name}`, senderId: offer.expert.name, text: `接受 ${offer.request.code}` });
    accepted++;
  }
  return accepted;
}
