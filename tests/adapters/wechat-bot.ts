// A real bot on WeChat for adapter tests: a real Wechaty on wechaty-puppet-mock (a new Mocker per
// bot), the real app behind it (SQLite file, Redis, BullMQ under a prefix of its own). Every demo
// expert gets a mock contact under their own name and a WeChat identity, so whoever the matcher
// picks can be reached privately.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FileBox } from "file-box";
import { types } from "wechaty";
import { mock, PuppetMock } from "wechaty-puppet-mock";
import { outboxLatestCard } from "../../bot/adapters/wechaty/latest-card.ts";
import { WechatyAdapter } from "../../bot/adapters/wechaty/wechaty-adapter.ts";
import { type App, startApp } from "../../bot/app.ts";
import { loadConfig } from "../../core/config.ts";
import { createLog } from "../../core/log.ts";
import type { IncomingMessage } from "../../core/messages.ts";
import { personIdForExpert } from "../../prisma/people.ts";
import { testDatabaseUrl } from "../support/test-database.ts";

type ContactMock = ReturnType<mock.Mocker["createContact"]>;
type RoomMock = ReturnType<mock.Mocker["createRoom"]>;

/** One message the bot sent: to a room or to a person. */
export interface Sent {
  to: string;
  text: string;
}

export interface WechatBot {
  app: App;
  adapter: WechatyAdapter;
  mocker: mock.Mocker;
  /** The bot's own WeChat account. */
  self: ContactMock;
  /** Mock contacts of the demo experts, by name. */
  experts: Map<string, ContactMock>;
  contact(name: string): ContactMock;
  room(topic: string, members: ContactMock[]): RoomMock;
  /** `from` sends a file to a room or privately to the bot. */
  sendFile(from: ContactMock, file: FileBox, to: ContactMock | RoomMock): void;
  /** Every message the adapter handed to the dispatcher. */
  received(): IncomingMessage[];
  /** Everything the bot has sent so far. */
  sent(): Sent[];
  /** Waits until the bot has sent a message matching `test`, and returns it. */
  waitFor(test: (sent: Sent) => boolean, timeoutMs?: number): Promise<Sent>;
  /** Waits until every message received has been handled and every queue is idle. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startWechatBot(
  env: Record<string, string> = {},
  showQr: (qrcode: string, link: string) => void = () => undefined,
): Promise<WechatBot> {
  const dir = mkdtempSync(path.join(tmpdir(), "craftbridge-wechat-"));
  const config = loadConfig({
    DATABASE_URL: testDatabaseUrl(dir, "test.db"),
    DATA_DIR: dir,
    QUEUE_PREFIX: `test-${randomUUID()}`,
    LOG_LEVEL: "silent",
    WECHATY_PUPPET: "wechaty-puppet-mock",
    WECHAT_ROOM_GAP_MS: "0",
    ...env,
  });
  const log = createLog(config.LOG_LEVEL ?? "silent");
  const mocker = new mock.Mocker();
  let app: App | undefined;
  const adapter = new WechatyAdapter({
    puppet: new PuppetMock({ mocker }),
    log,
    budget: { gapMs: config.WECHAT_ROOM_GAP_MS, perMinute: config.WECHAT_PER_MINUTE, perDay: config.WECHAT_PER_DAY },
    latestCard: outboxLatestCard(() => app?.services.db),
    showQr,
    uploads: config.uploads,
  });
  app = await startApp({ config, log, adapters: [adapter], dataDir: dir, startAdapters: false });
  const started = app;
  const received: IncomingMessage[] = [];
  await adapter.start(async (message) => {
    received.push(message);
    await started.dispatch(message);
  });

  const self = mocker.createContact({ name: config.BOT_NAME });
  const sent: Sent[] = [];
  // What the bot says comes back through the puppet as its own message: record it there.
  adapter.bot.on("message", (message) => {
    if (!message.self()) return;
    sent.push({ to: message.room()?.id ?? message.listener()?.id ?? "", text: message.text() });
  });
  const loggedIn = new Promise<void>((resolve) => adapter.bot.once("login", () => resolve()));
  mocker.login(self);
  await loggedIn;

  const experts = new Map<string, ContactMock>();
  const { db } = started.services;
  for (const expert of await db.expert.findMany({ where: { active: true } })) {
    const contact = mocker.createContact({ name: expert.name });
    experts.set(expert.name, contact);
    const personId = await personIdForExpert(db, expert.id, expert.name);
    await db.identity.create({
      data: { platform: "wechat", externalId: contact.id, displayName: expert.name, personId },
    });
  }

  const settle = async () => {
    // A mock message reaches the adapter a few ticks after it is said; wait for two quiet rounds.
    let quiet = 0;
    let seen = -1;
    while (quiet < 2) {
      await sleep(30);
      await adapter.idle();
      await started.waitUntilIdle(20_000);
      quiet = sent.length === seen ? quiet + 1 : 0;
      seen = sent.length;
    }
  };

  return {
    app: started,
    adapter,
    mocker,
    self,
    experts,
    contact: (name) => mocker.createContact({ name }),
    room: (topic, members) =>
      mocker.createRoom({ topic, memberIdList: [self.id, ...members.map((member) => member.id)] }),
    sendFile: (from, file, to) => {
      // The mock's own contact.say(fileBox) types a file by its extension and knows .txt, .doc and .pdf
      // only (a .csv or .xlsx would arrive as Unknown); real puppets deliver every file as an Attachment.
      const id = randomUUID();
      mocker.cacheFileBoxPayload.set(id, file.toJSON());
      const where = to instanceof mocker.RoomMock ? { roomId: to.id, mentionIdList: [] } : { listenerId: to.id };
      const message = { id, talkerId: from.id, timestamp: Date.now(), type: types.Message.Attachment, ...where };
      mocker.MessageMock.create(message);
      mocker.puppet.emit("message", { messageId: id });
    },
    sent: () => [...sent],
    received: () => [...received],
    waitFor: async (test, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = sent.find(test);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no such message; sent so far: ${JSON.stringify(sent)}`);
        await sleep(20);
      }
    },
    settle,
    stop: async () => {
      await started.jobs.obliterate();
      await started.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
