// Lark / Feishu through the open platform SDK: events by webhook (EventDispatcher, CardActionHandler)
// or by the long connection (WSClient). Every event is acknowledged at once and handled in the
// background; duplicates (the same event id, or the same message under a new event id) are dropped.
import { CardActionHandler, type Client, EventDispatcher, LoggerLevel, WSClient } from "@larksuiteoapi/node-sdk";
import type { Log } from "../../../core/log.ts";
import type {
  Adapter,
  ChatKind,
  IncomingFile,
  IncomingMessage,
  OutgoingMessage,
  Target,
} from "../../../core/messages.ts";
import type { HttpProbe } from "../../health.ts";
import { saveUpload, type UploadSettings, unavailableUpload } from "../save-upload.ts";
import type { WantsFile } from "../upload-policy.ts";
import type { FindCard } from "./card-owner.ts";
import { messageFile, type ReceiveEvent, toIncoming } from "./incoming-event.ts";
import { answeredCard, buttonValue } from "./lark-card.ts";
import { createLarkClient, larkDomain, type TokenStore } from "./lark-client.ts";
import type { LarkInbox } from "./lark-inbox.ts";
import { LarkSender, type SenderOptions } from "./lark-sender.ts";
import { RecentIds } from "./recent-ids.ts";
import { WebhookServer } from "./webhook-server.ts";

export interface LarkAdapterOptions {
  appId: string;
  appSecret: string;
  /** feishu, lark, or a base URL. */
  domain: string;
  mode: "webhook" | "ws";
  verificationToken?: string;
  encryptKey?: string;
  webhookPort: number;
  webhookPath: string;
  webhookHost?: string;
  botName: string;
  log: Log;
  /** Looks up a sent card by outbox key, to show it answered once its person pressed it. */
  findCard?: FindCard;
  sender?: SenderOptions;
  /** Where files sent to the bot are saved (needs the im:resource permission); without it files are ignored. */
  uploads?: UploadSettings;
  /** Whether a sender's file is worth downloading (their role); without it every file is. */
  wantsFile?: WantsFile;
  /** Stores each event before Lark is answered; without it an acknowledged event lives only in memory. */
  inbox?: LarkInbox;
  /** How long an event may stay unfinished before it is handled again (another process may be at it). */
  recoverAfterMs?: number;
  /** Health probes answered on the webhook's port (webhook mode). */
  probe?: HttpProbe;
}

/** A card callback as the SDK hands it over: the 2.0 schema (card.action.trigger) or the legacy one. */
interface CardAction {
  schema?: string;
  event_id?: string;
  operator?: { open_id?: string };
  context?: { open_message_id?: string; open_chat_id?: string };
  open_id?: string;
  open_message_id?: string;
  open_chat_id?: string;
  action?: { value?: unknown };
}

/** A button press, as kept in the database until it is handled. */
interface Press {
  pressId: string;
  operator: string;
  chatId: string;
  cardMessageId?: string;
  card: string;
  action: string;
  label: string;
}

/** What is kept of an event before Lark is answered: enough to handle it after a restart. */
type StoredEvent = { kind: "message"; event: ReceiveEvent } | { kind: "press"; press: Press };

/** How long the start waits for the long connection before going on and letting the SDK retry. */
const connectPatienceMs = 20_000;

interface ChatInfo {
  kind: ChatKind;
  title?: string;
}

export class LarkAdapter implements Adapter {
  readonly platform = "lark" as const;
  readonly client: Client;
  readonly events: EventDispatcher;
  readonly cards: CardActionHandler;
  private readonly sender: LarkSender;
  private readonly log: Log;
  private readonly recentEvents = new RecentIds();
  private readonly recentMessages = new RecentIds();
  private readonly inflight = new Set<Promise<void>>();
  private readonly names = new Map<string, string>();
  private readonly chats = new Map<string, ChatInfo>();
  private dispatch?: (message: IncomingMessage) => Promise<void>;
  private botOpenId?: string;
  private webhook?: WebhookServer;
  private ws?: WSClient;
  private sweep?: NodeJS.Timeout;
  /** Stored events this process is handling now: a sweep leaves them alone. */
  private readonly handling = new Set<string>();

  constructor(private readonly options: LarkAdapterOptions) {
    this.log = options.log.child({ platform: "lark" });
    const tokens: TokenStore = new Map();
    this.client = createLarkClient(options, tokens);
    this.sender = new LarkSender(this.client, { ...options.sender, forgetToken: () => tokens.clear() });
    const verify = { verificationToken: options.verificationToken, encryptKey: options.encryptKey };
    this.events = new EventDispatcher({ ...verify, loggerLevel: LoggerLevel.error }).register({
      "im.message.receive_v1": async (data: ReceiveEvent) => this.onMessage(data),
      "card.action.trigger": async (data: CardAction) => this.onCardAction(data),
    });
    this.cards = new CardActionHandler({ ...verify, loggerLevel: LoggerLevel.error }, async (data: CardAction) =>
      this.onCardAction(data),
    );
  }

  /** The webhook port actually listened on. */
  get port(): number {
    return this.webhook?.port ?? 0;
  }

  async start(dispatch: (message: IncomingMessage) => Promise<void>): Promise<void> {
    this.dispatch = dispatch;
    this.botOpenId = await this.fetchBotOpenId();
    const { options } = this;
    if (options.mode === "webhook") {
      this.webhook = new WebhookServer({
        port: options.webhookPort,
        path: options.webhookPath,
        host: options.webhookHost,
        verificationToken: options.verificationToken,
        encryptKey: options.encryptKey,
        events: this.events,
        cards: this.cards,
        log: this.log,
        probe: options.probe,
      });
      await this.webhook.start();
    } else {
      await this.connect();
    }
    await this.recover();
  }

  /**
   * Opens the long connection and waits until Lark accepts it. Settings Lark refuses (a wrong app id or
   * secret) stop the start with an error that names them; the SDK itself would log one line and stay
   * deaf for ever. A gateway that cannot be reached yet is retried by the SDK, with an error logged.
   */
  private async connect(): Promise<void> {
    const { appId, appSecret, domain } = this.options;
    // The SDK's own check, which otherwise only logs and returns.
    if (!/^cli_[0-9a-fA-F]{16}$/.test(appId)) {
      throw new Error(`LARK_APP_ID "${appId}" is not a Lark app id (cli_ and 16 hex digits): no long connection`);
    }
    await new Promise<void>((resolve, reject) => {
      const patience = setTimeout(() => {
        this.log.error("Lark long connection not open yet: retrying in the background");
        resolve();
      }, connectPatienceMs);
      patience.unref();
      this.ws = new WSClient({
        appId,
        appSecret,
        domain: larkDomain(domain),
        loggerLevel: LoggerLevel.error,
        onReady: () => {
          clearTimeout(patience);
          this.log.info("Lark long connection open");
          resolve();
        },
        onReconnected: () => this.log.info("Lark long connection open again"),
        onError: (error: Error) => {
          clearTimeout(patience);
          this.log.error({ err: error.message }, "Lark long connection refused");
          reject(
            new Error(`Lark refused the long connection (check LARK_APP_ID and LARK_APP_SECRET): ${error.message}`),
          );
        },
      });
      void this.ws.start({ eventDispatcher: this.events });
    });
  }

  /**
   * Handles again the events stored but never finished (the process died, or the database refused the
   * dispatcher), now and then every `recoverAfterMs`: an event Lark was told 200 for is never dropped.
   */
  private async recover(): Promise<void> {
    const inbox = this.options.inbox;
    if (!inbox) return;
    const every = this.options.recoverAfterMs ?? 30_000;
    const sweep = async () => {
      const rows = await inbox.unfinished(new Date(Date.now() - every));
      for (const row of rows) {
        if (this.handling.has(row.messageId)) continue;
        this.log.info({ messageId: row.messageId }, "Lark event stored earlier but not handled: handling it now");
        this.resume(row.payload);
      }
    };
    await sweep().catch((error) => this.log.error({ err: String(error) }, "Unfinished Lark events not read"));
    this.sweep = setInterval(() => {
      sweep().catch((error) => this.log.error({ err: String(error) }, "Unfinished Lark events not read"));
    }, every);
    this.sweep.unref();
  }

  /** A stored event, handled as it would have been when it arrived. */
  private resume(payload: string): void {
    const stored = JSON.parse(payload) as StoredEvent;
    if (stored.kind === "message") {
      const base = toIncoming(stored.event, { openId: this.botOpenId, name: this.options.botName });
      if (base) this.handleMessage(base, stored.event);
    } else this.handlePress(stored.press);
  }

  /**
   * Keeps the event in the database before Lark gets its answer: a throw here answers Lark with an
   * error (HTTP 500, or code 500 on the long connection) and Lark delivers the event again later.
   */
  private async keep(entry: { messageId: string; chatId: string; senderId: string; stored: StoredEvent }) {
    const inbox = this.options.inbox;
    if (!inbox) return true;
    try {
      return await inbox.keep({ ...entry, payload: JSON.stringify(entry.stored) });
    } catch (error) {
      this.log.error(
        { err: String(error), messageId: entry.messageId },
        "Lark event not stored: Lark will send it again",
      );
      throw error;
    }
  }

  /** The bot's open id, to recognise its own mention; unknown (null) falls back to its name. */
  private async fetchBotOpenId(): Promise<string | undefined> {
    try {
      const reply = (await this.client.request({ method: "GET", url: "/open-apis/bot/v3/info" })) as {
        bot?: { open_id?: string };
      };
      return reply.bot?.open_id;
    } catch (error) {
      this.log.warn({ err: String(error) }, "Lark bot info unavailable: mentions are matched by name");
      return undefined;
    }
  }

  private background(task: () => Promise<void>): void {
    const running: Promise<void> = task()
      .catch((error) => this.log.error({ err: String(error) }, "Lark event not handled"))
      .finally(() => this.inflight.delete(running));
    this.inflight.add(running);
  }

  /** Resolves when every event received so far has been handed on. */
  async idle(): Promise<void> {
    while (this.inflight.size) await Promise.all([...this.inflight]);
  }

  private async onMessage(event: ReceiveEvent): Promise<void> {
    const eventId = event.event_id;
    const messageId = event.message?.message_id;
    if (eventId && !this.recentEvents.add(eventId)) return;
    if (messageId && !this.recentMessages.add(messageId)) return;
    const base = toIncoming(event, { openId: this.botOpenId, name: this.options.botName });
    if (!base || !this.dispatch) return;
    const attached = messageFile(event.message?.message_type, event.message?.content);
    if (attached && !this.options.uploads) return;
    let fresh: boolean;
    try {
      fresh = await this.keep({ ...base, stored: { kind: "message", event } });
    } catch (error) {
      // Not stored: the delivery Lark sends again must get through.
      if (eventId) this.recentEvents.forget(eventId);
      if (messageId) this.recentMessages.forget(messageId);
      throw error;
    }
    if (fresh) this.handleMessage(base, event);
  }

  private handleMessage(base: Omit<IncomingMessage, "senderName" | "chatTitle">, event: ReceiveEvent): void {
    const dispatch = this.dispatch;
    if (!dispatch) return;
    const attached = messageFile(event.message?.message_type, event.message?.content);
    const uploads = this.options.uploads;
    if (attached && !uploads) return;
    this.handling.add(base.messageId);
    this.background(async () => {
      try {
        // The file is fetched before the message is handed on: handlers and jobs see a path, never the SDK.
        const file = attached && uploads ? await this.fileOf(base, attached, uploads) : undefined;
        const senderName = await this.nameOf(base.senderId);
        const chat = await this.chatOf(base.chatId, base.chatKind);
        await dispatch({
          ...base,
          senderName,
          chatTitle: chat?.title ?? (base.chatKind === "direct" ? senderName : undefined),
          ...(file ? { file } : {}),
        });
      } finally {
        this.handling.delete(base.messageId);
      }
    });
  }

  /** The message's file: downloaded when its sender may send one the bot reads, else its name alone. */
  private async fileOf(
    base: { messageId: string; senderId: string },
    attached: { key: string; name: string },
    uploads: UploadSettings,
  ): Promise<IncomingFile> {
    const wanted = (await this.options.wantsFile?.(base.senderId, attached.name).catch(() => false)) ?? true;
    if (!wanted) return unavailableUpload(attached.name);
    return this.download(base.messageId, attached, uploads);
  }

  /** Downloads the file of a `file` message into the uploads folder. */
  private async download(
    messageId: string,
    attached: { key: string; name: string },
    uploads: UploadSettings,
  ): Promise<IncomingFile> {
    try {
      const resource = await this.client.im.messageResource.get({
        path: { message_id: messageId, file_key: attached.key },
        params: { type: "file" },
      });
      return await saveUpload(resource.getReadableStream(), {
        ...uploads,
        message: { platform: "lark", messageId },
        name: attached.name,
        announcedSize: Number(resource.headers?.["content-length"]),
        log: this.log,
      });
    } catch (error) {
      this.log.warn({ err: String(error), messageId }, "Lark file not downloaded");
      return unavailableUpload(attached.name);
    }
  }

  /** Answers within Lark's 3 s with a toast; the press itself is handled in the background. */
  private async onCardAction(data: CardAction): Promise<object> {
    const operator = data.operator?.open_id ?? data.open_id;
    const cardMessageId = data.context?.open_message_id ?? data.open_message_id;
    const chatId = data.context?.open_chat_id ?? data.open_chat_id;
    const value = buttonValue(data.action?.value);
    if (!operator || !chatId || !value) return {};
    const answer = data.schema ? { toast: { type: "info", content: value.label } } : {};
    if (data.event_id && !this.recentEvents.add(data.event_id)) return answer;
    // Pressing the same button of the same card twice counts once (the database keeps it beyond this process).
    const pressId = `press:${cardMessageId ?? value.card}:${operator}:${value.action}`;
    if (!this.recentMessages.add(pressId)) return answer;
    if (!this.dispatch) return answer;
    const press: Press = {
      pressId,
      operator,
      chatId,
      cardMessageId,
      card: value.card,
      action: value.action,
      label: value.label,
    };
    let fresh: boolean;
    try {
      fresh = await this.keep({ messageId: pressId, chatId, senderId: operator, stored: { kind: "press", press } });
    } catch (error) {
      if (data.event_id) this.recentEvents.forget(data.event_id);
      this.recentMessages.forget(pressId);
      throw error;
    }
    if (fresh) this.handlePress(press);
    return answer;
  }

  private handlePress(press: Press): void {
    const dispatch = this.dispatch;
    if (!dispatch) return;
    const { pressId, operator, chatId, cardMessageId } = press;
    this.handling.add(pressId);
    this.background(async () => {
      try {
        const sent = (await this.options.findCard?.(press.card).catch(() => null)) ?? null;
        const senderName = await this.nameOf(operator);
        const chat = await this.chatOf(chatId);
        const chatKind = chat?.kind ?? (sent?.toPerson ? "direct" : "group");
        await dispatch({
          platform: "lark",
          messageId: pressId,
          chatId,
          chatKind,
          chatTitle: chat?.title ?? (chatKind === "direct" ? senderName : undefined),
          senderId: operator,
          senderName,
          text: press.label,
          mentionsBot: false,
          receivedAt: new Date(),
          press: { cardId: press.card, value: press.action },
        });
        // Only the person the card was for closes it; anyone else's press leaves it live.
        if (cardMessageId && sent && (sent.holders === null || sent.holders.includes(operator))) {
          await this.sender.updateCard(cardMessageId, answeredCard(sent.card, press.label));
        }
      } finally {
        this.handling.delete(pressId);
      }
    });
  }

  /** A person's name (needs contact:user.base:readonly); empty when Lark will not tell. */
  private async nameOf(openId: string): Promise<string> {
    const known = this.names.get(openId);
    if (known !== undefined) return known;
    let name = "";
    try {
      const reply = await this.client.contact.user.get({
        path: { user_id: openId },
        params: { user_id_type: "open_id" },
      });
      name = reply.data?.user?.name ?? "";
    } catch (error) {
      this.log.debug({ err: String(error), openId }, "Lark user name unavailable");
    }
    if (this.names.size > 5000) this.names.clear();
    this.names.set(openId, name);
    return name;
  }

  private async chatOf(chatId: string, kind?: ChatKind): Promise<ChatInfo | undefined> {
    const known = this.chats.get(chatId);
    if (known) return known;
    let info: ChatInfo | undefined;
    try {
      const reply = await this.client.im.chat.get({ path: { chat_id: chatId } });
      if (reply.code === 0 && reply.data) {
        const mode = reply.data.chat_mode;
        info = { kind: kind ?? (mode === "p2p" ? "direct" : "group"), title: reply.data.name || undefined };
      }
    } catch (error) {
      this.log.debug({ err: String(error), chatId }, "Lark chat info unavailable");
    }
    if (!info && kind) info = { kind };
    if (info) {
      if (this.chats.size > 5000) this.chats.clear();
      this.chats.set(chatId, info);
    }
    return info;
  }

  async send(target: Target, message: OutgoingMessage, key: string): Promise<void> {
    await this.sender.send(target, message, key);
  }

  async stop(): Promise<void> {
    clearInterval(this.sweep);
    await this.webhook?.stop();
    this.ws?.close();
    await this.idle().catch(() => undefined);
  }
}
