// WeChat through Wechaty 1.x. One process owns one WeChat account (one Wechaty session). Every room
// text and every private text becomes an IncomingMessage (the dispatcher decides what in a room is
// chatter), and so does a file (an attachment, saved first); the bot's own messages are ignored.
// Sends wait for their turn in the SendBudget.
import { FileBox } from "file-box";
import {
  type Contact,
  type Message,
  type Room,
  ScanStatus,
  types,
  type Wechaty,
  WechatyBuilder,
  type WechatyOptions,
} from "wechaty";
import type { Log } from "../../../core/log.ts";
import type { Adapter, IncomingFile, IncomingMessage, OutgoingMessage, Target } from "../../../core/messages.ts";
import { saveUpload, type UploadSettings, unavailableUpload } from "../save-upload.ts";
import type { LatestCard } from "./latest-card.ts";
import { drawQr, qrLink } from "./login-qr.ts";
import { choiceNumber, type NumberedCard, renderCard } from "./numbered-choices.ts";
import { SendBudget, type SendBudgetOptions } from "./send-budget.ts";

type PuppetInstance = Extract<NonNullable<WechatyOptions["puppet"]>, object>;
type PuppetName = Extract<NonNullable<WechatyOptions["puppet"]>, string>;

export interface WechatyAdapterOptions {
  /** A puppet module name (wechaty-puppet-service, …-padlocal, …-wechat4u) or a puppet instance (tests). */
  puppet: string | PuppetInstance;
  /** Token of wechaty-puppet-service or padlocal. */
  puppetToken?: string;
  /** Session name: Wechaty keeps the login in `<name>.memory-card.json`. None keeps it in memory. */
  name?: string;
  log: Log;
  budget: SendBudgetOptions;
  /** The latest card sent to any of these contact or room ids, from durable state. */
  latestCard?: LatestCard;
  /** Shows the login QR code; by default drawn on stderr and logged as a link. */
  showQr?: (qrcode: string, link: string) => void;
  /** Reconnect backoff after a logout or a failed start. */
  backoff?: { initialMs: number; maxMs: number };
  /** Where files sent to the bot are saved; without it files are ignored. */
  uploads?: UploadSettings;
}

const roomSuffix = "@chatroom";

/** `promise`, or a rejection as soon as `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

export class WechatyAdapter implements Adapter {
  readonly platform = "wechat" as const;
  readonly bot: Wechaty;
  private readonly log: Log;
  private readonly budget: SendBudget;
  private readonly cards = new Map<string, NumberedCard>();
  private readonly chains = new Map<string, Promise<void>>();
  private readonly stopping = new AbortController();
  private dispatch?: (message: IncomingMessage) => Promise<void>;
  private reconnectTimer?: NodeJS.Timeout;
  private reconnectAttempts = 0;
  private scannedSinceLogout = false;
  private loggedIn: Promise<void>;
  private markLoggedIn: () => void = () => undefined;

  constructor(private readonly options: WechatyAdapterOptions) {
    this.log = options.log.child({ platform: "wechat" });
    this.budget = new SendBudget(options.budget);
    this.loggedIn = this.newLoginWait();
    const { puppet, puppetToken, name } = options;
    this.bot = WechatyBuilder.build(
      typeof puppet === "string"
        ? { name, puppet: puppet as PuppetName, puppetOptions: puppetToken ? { token: puppetToken } : {} }
        : { name, puppet },
    );
    this.listen();
  }

  private newLoginWait(): Promise<void> {
    return new Promise((resolve) => {
      this.markLoggedIn = resolve;
    });
  }

  private listen(): void {
    const { bot, log } = this;
    bot.on("scan", (qrcode, status) => {
      this.scannedSinceLogout = true;
      if (status !== ScanStatus.Waiting && status !== ScanStatus.Timeout) {
        log.info({ status: ScanStatus[status] }, "WeChat login QR code scanned");
        return;
      }
      const link = qrLink(qrcode);
      log.warn({ link }, "Scan the QR code with the bot's WeChat account to log in");
      (this.options.showQr ?? ((code) => drawQr(code)))(qrcode, link);
    });
    bot.on("login", (user) => {
      log.info({ user: user.name(), id: user.id }, "WeChat logged in");
      this.reconnectAttempts = 0;
      clearTimeout(this.reconnectTimer);
      this.reconnectTimer = undefined;
      this.markLoggedIn();
    });
    bot.on("logout", (user, reason) => {
      log.warn({ user: user.name(), reason }, "WeChat logged out");
      this.loggedIn = this.newLoginWait();
      this.scannedSinceLogout = false;
      this.scheduleReconnect();
    });
    bot.on("error", (error) => {
      log.error({ err: error.message }, "WeChat puppet error");
      if (!bot.isLoggedIn) this.scheduleReconnect();
    });
    bot.on("message", (message) => this.enqueue(message));
  }

  /**
   * Restarts the session after a logout or an error while logged out, with exponential backoff,
   * unless a QR code is already waiting for a person to scan it.
   */
  private scheduleReconnect(): void {
    if (this.stopping.signal.aborted || this.reconnectTimer) return;
    const { initialMs, maxMs } = this.options.backoff ?? { initialMs: 2_000, maxMs: 300_000 };
    const delay = Math.min(maxMs, initialMs * 2 ** this.reconnectAttempts);
    this.reconnectAttempts += 1;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this.stopping.signal.aborted || this.bot.isLoggedIn || this.scannedSinceLogout) return;
      this.log.warn({ attempt: this.reconnectAttempts }, "Restarting the WeChat session");
      void this.restart();
    }, delay);
  }

  private async restart(): Promise<void> {
    try {
      await this.bot.stop();
      await this.bot.start();
    } catch (error) {
      this.log.error({ err: String(error) }, "WeChat session did not restart");
    }
    if (!this.bot.isLoggedIn) this.scheduleReconnect();
  }

  async start(dispatch: (message: IncomingMessage) => Promise<void>): Promise<void> {
    this.dispatch = dispatch;
    try {
      await this.bot.start();
    } catch (error) {
      // The app keeps running (other platforms, queued sends); WeChat comes back when it can.
      this.log.error({ err: String(error) }, "WeChat did not start");
      this.scheduleReconnect();
    }
  }

  /** Messages of one chat are handled in order; different chats do not wait for each other. */
  private enqueue(message: Message): void {
    const chatId = message.room()?.id ?? message.talker().id;
    const previous = this.chains.get(chatId) ?? Promise.resolve();
    const next = previous
      .then(() => this.handle(message))
      .catch((error) => this.log.error({ err: String(error), messageId: message.id }, "WeChat message not handled"));
    this.chains.set(chatId, next);
    void next.then(() => {
      if (this.chains.get(chatId) === next) this.chains.delete(chatId);
    });
  }

  /** Resolves when every message received so far has been handed to the dispatcher. */
  async idle(): Promise<void> {
    while (this.chains.size) await Promise.all([...this.chains.values()]);
  }

  private async handle(message: Message): Promise<void> {
    if (message.self() || !this.dispatch) return;
    const uploads = this.options.uploads;
    if (message.type() === types.Message.Attachment && uploads) {
      // Saved before the message is handed on: handlers and jobs see a path, never a FileBox.
      const incoming = await this.toIncoming(message, "");
      await this.dispatch({ ...incoming, file: await this.download(message, uploads) });
      return;
    }
    // Images, voice, stickers and links carry nothing the bot can read.
    if (message.type() !== types.Message.Text) return;
    const incoming = await this.toIncoming(message);
    await this.dispatch(incoming);
  }

  private async download(message: Message, uploads: UploadSettings): Promise<IncomingFile> {
    let name = "";
    try {
      const box = await message.toFileBox();
      name = box.name;
      return await saveUpload(await box.toStream(), {
        ...uploads,
        message: { platform: "wechat", messageId: message.id },
        name,
        announcedSize: box.size,
        log: this.log,
      });
    } catch (error) {
      this.log.warn({ err: String(error), messageId: message.id }, "WeChat file not downloaded");
      return unavailableUpload(name);
    }
  }

  private async toIncoming(message: Message, text = message.text()): Promise<IncomingMessage> {
    const talker = message.talker();
    const room = message.room();
    const mentionsBot = room ? await message.mentionSelf() : false;
    const incoming: IncomingMessage = {
      platform: "wechat",
      messageId: message.id,
      chatId: room?.id ?? talker.id,
      chatKind: room ? "group" : "direct",
      chatTitle: room ? await room.topic() : talker.name(),
      senderId: talker.id,
      senderName: (room ? await room.alias(talker) : undefined) || talker.name(),
      text,
      mentionsBot,
      receivedAt: message.date(),
    };
    const press = await this.numberedPress(incoming);
    return press ? { ...incoming, press } : incoming;
  }

  /**
   * A bare number ("1") privately, or to the bot in a room, presses that button of the latest card
   * the person (or the room) was sent. The dispatcher checks that the card was for this person.
   */
  private async numberedPress(incoming: IncomingMessage): Promise<IncomingMessage["press"] | null> {
    if (incoming.chatKind === "group" && !incoming.mentionsBot) return null;
    const index = choiceNumber(incoming.text);
    if (index === null) return null;
    const holders = incoming.chatKind === "direct" ? [incoming.senderId] : [incoming.chatId];
    const card = await this.latestCard(holders);
    if (!card) return null;
    return { cardId: card.key, value: card.buttons[index - 1]?.value ?? "", index };
  }

  private async latestCard(holders: string[]): Promise<NumberedCard | null> {
    const remembered = holders.map((holder) => this.cards.get(holder)).find(Boolean) ?? null;
    const stored = (await this.options.latestCard?.(holders).catch(() => null)) ?? null;
    if (!remembered) return stored;
    if (!stored) return remembered;
    return stored.sentAt > remembered.sentAt ? stored : remembered;
  }

  async send(target: Target, message: OutgoingMessage, key: string): Promise<void> {
    const signal = this.stopping.signal;
    // Logged out: the send waits (the outbox row stays pending) until the account is back.
    await untilAborted(this.loggedIn, signal);
    const conversation = await this.conversation(target);
    const say = async (content: string | FileBox) => {
      await this.budget.acquire(conversation.id, signal, (ms) =>
        this.log.debug({ to: conversation.id, waitMs: ms }, "WeChat send waits for its turn"),
      );
      await conversation.say(content);
    };
    if (message.kind === "text") await say(message.text);
    else if (message.kind === "card") {
      await say(renderCard(message));
      this.cards.set(target.id, { key, buttons: message.buttons, sentAt: new Date() });
    } else {
      await say(FileBox.fromFile(message.path));
      if (message.text) await say(message.text);
    }
  }

  private async conversation(target: Target): Promise<Room | Contact> {
    const isRoom = target.kind === "chat" && target.id.endsWith(roomSuffix);
    const found = isRoom ? await this.bot.Room.find({ id: target.id }) : await this.bot.Contact.find({ id: target.id });
    if (!found) throw new Error(`WeChat ${isRoom ? "room" : "contact"} ${target.id} not found`);
    return found;
  }

  async stop(): Promise<void> {
    this.stopping.abort(new Error("WeChat adapter stopped"));
    clearTimeout(this.reconnectTimer);
    await this.idle().catch(() => undefined);
    await this.bot.stop().catch((error) => this.log.warn({ err: String(error) }, "WeChat did not stop cleanly"));
  }
}
