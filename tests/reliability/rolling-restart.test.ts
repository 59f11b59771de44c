// A rolling restart of a Lark webhook gateway (`craftbridge start`): on SIGTERM its /readyz turns 503 first
// while it still works, then it stops taking events, finishes every event it acknowledged, and exits 0;
// the next release, started on the same database and Redis, delivers what was left. Each event gets
// exactly one reply.
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../prisma/client.ts";
import { type FakeLark, startFakeLark } from "../adapters/fake-lark.ts";
import { deliver, helpBurst, larkWebhookSettings, post, replyKeyOf } from "../adapters/lark-events.ts";
import { eventually } from "./support/processes.ts";

const dir = mkdtempSync(path.join(tmpdir(), "craftbridge-rolling-"));
const gateways: ChildProcess[] = [];
let fake: FakeLark | undefined;
let db: Db | undefined;
afterAll(async () => {
  for (const child of gateways) if (child.exitCode === null) child.kill("SIGKILL");
  await db?.$disconnect();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Gateway {
  child: ChildProcess;
  port: number;
  exited: Promise<number | null>;
}

/** `craftbridge start` as deployed: Lark by webhook on a free port, found in its log. */
async function startGateway(env: Record<string, string>): Promise<Gateway> {
  const child = spawn(process.execPath, ["bin/craftbridge.js", "start"], {
    env: { ...process.env, ...env, LOG_LEVEL: "info" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  gateways.push(child);
  let err = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const port = await eventually(async () => {
    if (child.exitCode !== null) throw new Error(`gateway exited (${child.exitCode}): ${err}`);
    const line = err.split("\n").find((entry) => entry.includes("Lark webhook listening"));
    return line ? Number(/"port":(\d+)/.exec(line)?.[1]) : undefined;
  });
  return { child, port, exited };
}

async function readyz(port: number): Promise<{ status: number; reason?: string }> {
  const answer = await fetch(`http://127.0.0.1:${port}/readyz`);
  const body = (await answer.json()) as { reason?: string };
  return { status: answer.status, reason: body.reason };
}

describe("a rolling restart of a Lark webhook gateway", () => {
  it("turns readyz 503 first, finishes every acknowledged event, exits 0, and the next release delivers the rest", async () => {
    fake = await startFakeLark();
    fake.chats.set("oc_workshop", { name: "中山灯饰企业群", mode: "group" });
    const env = {
      DATABASE_URL: `file:${path.join(dir, "rolling.db")}`,
      QUEUE_PREFIX: `test-${randomUUID()}`,
      ...larkWebhookSettings(fake.url),
      CONSOLE_PORT: "0",
      SHUTDOWN_DRAIN_MS: "3000",
      SHUTDOWN_GRACE_MS: "3000",
    };
    const events = helpBurst("oc_workshop", 12, fake?.botOpenId ?? "");

    const old = await startGateway(env);
    await eventually(async () => (await readyz(old.port)).status === 200);
    const answers = await Promise.all(
      events.map((event) => post(`http://127.0.0.1:${old.port}/lark/events`, deliver(event))),
    );
    expect(answers.map((answer) => answer.status)).toEqual(events.map(() => 200));

    old.child.kill("SIGTERM");
    // The load balancer is told first, while the webhook still listens.
    await eventually(async () => (await readyz(old.port)).reason === "shutting down");
    expect(await old.exited).toBe(0);
    // Gone from the port: Lark's next delivery goes to another gateway.
    await expect(post(`http://127.0.0.1:${old.port}/lark/events`, deliver(events[0] as never))).rejects.toThrow();
    // Every acknowledged event was handled before the exit, none left for recovery.
    const store = await openDatabase(env.DATABASE_URL, { migrate: false });
    db = store;
    expect(await store.inboundMessage.count({ where: { platform: "lark", status: "handled" } })).toBe(events.length);

    const next = await startGateway(env);
    for (const event of events)
      await eventually(async () => fake?.messages.some((message) => message.uuid === replyKeyOf(event)));
    expect(fake.messages.filter((message) => message.receiveId === "oc_workshop")).toHaveLength(events.length);
    next.child.kill("SIGTERM");
    expect(await next.exited).toBe(0);
  }, 240_000);
});
