// A bot process for fault tests, run as a child: the real app (workers, resume, recovery) with a
// file-backed platform adapter, messages fed as JSON lines on stdin, and two ways to freeze it in
// the middle of a job so the test can SIGKILL it there:
//   HANG_SEND=<regex>     the outbound path stops before writing a message whose key matches (inside a
//                         match or offer job: the offer is claimed, its card not yet written);
//   HANG_SKIP=<n>         ... after letting the first n matching keys through;
//   HANG_DELIVER=<regex>  the platform has taken the message, the outbox row is not yet marked sent.
// The platform file (SENT_FILE) gets one JSON line per send attempt; like Lark's message uuid, the
// platform shows a key once ("shown": false for a repeat).
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { startApp } from "../../../bot/app.ts";
import { shutdownSignal } from "../../../cli/shutdown-signal.ts";
import { loadConfig } from "../../../core/config.ts";
import { createLog } from "../../../core/log.ts";
import type { Adapter, IncomingMessage } from "../../../core/messages.ts";
import type { Send } from "../../../jobs/outbox.ts";

const env = process.env;
const forever = () => new Promise<never>(() => undefined);
const hangSend = env["HANG_SEND"] ? new RegExp(env["HANG_SEND"]) : null;
const hangDeliver = env["HANG_DELIVER"] ? new RegExp(env["HANG_DELIVER"]) : null;
let skip = Number(env["HANG_SKIP"] ?? 0);
const sentFile = env["SENT_FILE"] ?? "";

function shownKeys(): Set<string> {
  if (!existsSync(sentFile)) return new Set();
  const lines = readFileSync(sentFile, "utf8").split("\n").filter(Boolean);
  return new Set(lines.map((line) => (JSON.parse(line) as { key: string }).key));
}

const platform: Adapter = {
  platform: "terminal",
  start: async () => undefined,
  stop: async () => undefined,
  send: async (target, message, key) => {
    const shown = !shownKeys().has(key);
    appendFileSync(sentFile, `${JSON.stringify({ key, target, text: message.text ?? "", shown, pid: process.pid })}\n`);
    if (hangDeliver?.test(key)) {
      process.stdout.write(`hung ${key}\n`);
      await forever();
    }
  },
};

const wrapSend =
  (send: Send): Send =>
  async (request) => {
    if (hangSend?.test(request.key)) {
      if (skip > 0) skip--;
      else {
        process.stdout.write(`hung ${request.key}\n`);
        await forever();
      }
    }
    await send(request);
  };

const config = loadConfig();
const log = createLog(config.LOG_LEVEL ?? "silent");
const signal = shutdownSignal();
const gateway = env["ROLE"] !== "worker";
const app = await startApp({ config, log, adapters: gateway ? [platform] : [], startAdapters: false, wrapSend });
if (gateway) {
  const lines = createInterface({ input: process.stdin });
  lines.on("line", (line) => {
    const message = JSON.parse(line) as IncomingMessage;
    void app.dispatch({ ...message, receivedAt: new Date(message.receivedAt) });
  });
}
process.stdout.write("ready\n");
await signal;
await app.stop();
process.exit(0);
