// A process SIGKILLed in the middle of a match job, an offer job and a deliver job, restarted each time:
// every job completes, the platform shows every message once, no offer is lost.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../prisma/client.ts";
import { testDatabaseUrl } from "../support/test-database.ts";
import { type BotProcess, eventually, kill, platformSends, startBotProcess } from "./support/processes.ts";

const dir = mkdtempSync(path.join(tmpdir(), "craftbridge-kill-"));
const sentFile = path.join(dir, "platform.jsonl");
const env = {
  DATABASE_URL: testDatabaseUrl(dir, "kill.db"),
  DATA_DIR: dir,
  QUEUE_PREFIX: `test-${randomUUID()}`,
  SENT_FILE: sentFile,
  // A dead worker's job goes back to the queue after 1.5 s instead of 30 s.
  JOB_LOCK_MS: "1500",
  JOB_STALLED_INTERVAL_MS: "500",
};
let db: Db | undefined;
let running: BotProcess | undefined;
afterAll(async () => {
  if (running?.child.exitCode === null) await kill(running);
  await db?.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

const offeredMatch = (store: Db, requestId: number) =>
  eventually(() => store.match.findFirst({ where: { requestId, status: "offered" }, include: { expert: true } }));

describe("a process killed in the middle of a job", () => {
  it("completes match, offer and deliver jobs after a restart, sending nothing twice and losing no offer", async () => {
    // 1. Killed inside the match job: the first offer is claimed, its card not yet written.
    running = await startBotProcess({ ...env, HANG_SEND: "^offer-" });
    const store = await openDatabase(env.DATABASE_URL, { migrate: false });
    db = store;
    running.say({
      chatId: "东莞制造企业群",
      senderId: "东莞精工科技-王经理",
      text: "@匠桥 我们厂在东莞，数控加工的薄壁件变形严重，想请专家下周来现场指导，联系电话13812345678",
    });
    await running.printed("hung offer-");
    await kill(running);
    const request = await store.helpRequest.findFirstOrThrow();
    const first = await offeredMatch(store, request.id);
    expect(await store.outboundMessage.count({ where: { key: `offer-${first.id}` } })).toBe(0);

    // 2. Restarted; the first expert declines and the offer job is killed before the next card is written.
    running = await startBotProcess({ ...env, HANG_SEND: "^offer-", HANG_SKIP: "1" });
    await eventually(async () => platformSends(sentFile).some((send) => send.key === `offer-${first.id}`));
    running.say({ chatId: `dm:${first.expert.name}`, senderId: first.expert.name, text: `婉拒 ${request.code}` });
    // The next expert's card, not a second attempt at the first card (the job killed in 1 may run twice).
    const restarted = running;
    await eventually(async () => new RegExp(`hung offer-(?!${first.id})`).test(restarted.stdout()));
    await kill(running);
    const second = await offeredMatch(store, request.id);
    expect(second.id).not.toBe(first.id);

    // 3. Restarted; the second expert accepts and the process dies while the introduction is being sent.
    running = await startBotProcess({ ...env, HANG_DELIVER: "^intro-" });
    await eventually(async () => platformSends(sentFile).some((send) => send.key === `offer-${second.id}`));
    running.say({ chatId: `dm:${second.expert.name}`, senderId: second.expert.name, text: `接受 ${request.code}` });
    await running.printed("hung intro-");
    await kill(running);

    // 4. Restarted for good: everything left is delivered.
    running = await startBotProcess(env);
    await eventually(async () => (await store.outboundMessage.count({ where: { status: { not: "sent" } } })) === 0);
    await eventually(
      async () => (await store.helpRequest.findUniqueOrThrow({ where: { id: request.id } })).status === "introduced",
    );

    const sends = platformSends(sentFile);
    const shown = sends.filter((send) => send.shown).map((send) => send.key);
    // The platform showed each message once, although the killed delivery was attempted twice.
    expect(new Set(shown).size).toBe(shown.length);
    const rows = await store.outboundMessage.findMany();
    expect(new Set(shown)).toEqual(new Set(rows.map((row) => row.key)));
    expect(sends.filter((send) => send.key.startsWith("intro-")).length).toBeGreaterThan(
      shown.filter((key) => key.startsWith("intro-")).length,
    );
    // Exactly the two offers, each card once; one introduction in the group, without a phone number.
    expect(shown.filter((key) => key.startsWith("offer-")).sort()).toEqual(
      [`offer-${first.id}`, `offer-${second.id}`].sort(),
    );
    const matches = await store.match.findMany({ where: { requestId: request.id, status: { not: "candidate" } } });
    expect(matches.map((match) => [match.id, match.status]).sort()).toEqual(
      [
        [first.id, "declined"],
        [second.id, "accepted"],
      ].sort(),
    );
    const group = sends.filter((send) => send.shown && send.target.id === "东莞制造企业群");
    expect(group.filter((send) => send.key.startsWith("intro-chat-"))).toHaveLength(1);
    for (const send of group) expect(send.text).not.toMatch(/1[3-9]\d{9}/);
    running.child.kill("SIGTERM");
    expect(await running.exited()).toBe(0);
  }, 300_000);
});
