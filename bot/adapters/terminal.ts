// The terminal chat (contract 3 in DESIGN.md): every input line is a message from the current
// speaker in the current chat; every message the bot sends prints as one line.
import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import type {
  Adapter,
  CardButton,
  IncomingFile,
  IncomingMessage,
  OutgoingMessage,
  Target,
} from "../../core/messages.ts";
import { saveUpload, type UploadSettings, unavailableUpload } from "./save-upload.ts";

export interface TerminalCard {
  key: string;
  buttons: CardButton[];
}

export interface TerminalOptions {
  botName: string;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Whether input is a person at a keyboard (prompt, banner) or a pipe (run to completion). */
  interactive: boolean;
  /** Speaker before the first /as. */
  initialSpeaker?: string;
  /** The latest card shown to a speaker (in their private chat or in `chat`), from durable state. */
  latestCard?: (speaker: string, chat: string) => Promise<TerminalCard | null>;
  /** Resolves when all work caused so far is done; piped input waits for it after each line. */
  waitUntilIdle?: () => Promise<unknown>;
  /** Called when the input ends or /quit is typed. */
  onEnd?: () => void;
  /** Called after each input line has been handled (and, piped, its work is done). */
  onLineHandled?: () => void;
  /** Where `/file PATH` saves its copy, and the largest it copies; without it `/file` is an ordinary text. */
  uploads?: UploadSettings;
}

const dmPrefix = "dm:";

/** How a message prints: one line, line breaks as " ⏎ ", a card's buttons as "[1:接受] [2:婉拒]". */
export function formatLine(botName: string, target: Target, message: OutgoingMessage): string {
  const where = target.kind === "user" ? `${dmPrefix}${target.id}` : target.id;
  let text = message.kind === "image" ? `[${message.path}] ${message.text ?? ""}`.trim() : message.text;
  if (message.kind === "card" && message.buttons.length) {
    text += ` ${message.buttons.map((button, index) => `[${index + 1}:${button.label}]`).join(" ")}`;
  }
  return `[${where}] ${botName}: ${text.replace(/\r?\n/g, " ⏎ ")}`;
}

export class TerminalAdapter implements Adapter {
  readonly platform = "terminal" as const;
  /** One screen for every chat: lines print in the order the bot said them. */
  readonly oneStream = true;
  private speaker: string;
  private chat: string;
  private readonly cards = new Map<string, TerminalCard>();
  private counter = 0;
  private closed = false;
  private ended = false;
  private readline?: ReturnType<typeof createInterface>;

  constructor(private readonly options: TerminalOptions) {
    this.speaker = options.initialSpeaker ?? "访客";
    this.chat = `${dmPrefix}${this.speaker}`;
  }

  async start(dispatch: (message: IncomingMessage) => Promise<void>): Promise<void> {
    const { input, interactive } = this.options;
    const readline = createInterface({ input, terminal: false });
    this.readline = readline;
    if (interactive) this.prompt();
    // Lines are handled strictly one after another, so a conversation reads in order.
    let chain = Promise.resolve();
    readline.on("line", (line) => {
      chain = chain.then(() => this.handleLine(line, dispatch)).catch(() => undefined);
    });
    readline.on("close", () => {
      // Input ended (or /quit): finish the work already caused, then end. stop() ends without waiting.
      chain = chain
        .then(async () => {
          if (!this.closed) await this.options.waitUntilIdle?.();
        })
        .catch(() => undefined)
        .then(() => this.end());
    });
  }

  private prompt(): void {
    if (this.options.interactive && !this.closed) this.options.output.write(`${this.speaker}@${this.chat}> `);
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.closed = true;
    this.options.onEnd?.();
  }

  private async handleLine(line: string, dispatch: (message: IncomingMessage) => Promise<void>): Promise<void> {
    if (this.closed) return;
    const text = line.replace(/\r$/, "");
    const command = /^\/(as|in|press|file|quit)(?:\s+(.*))?$/.exec(text.trim());
    if (command) {
      const [, name, argument = ""] = command;
      if (name === "quit") {
        this.readline?.close();
        return;
      }
      if (name === "as" && argument.trim()) {
        const wasDm = this.chat.startsWith(dmPrefix);
        this.speaker = argument.trim();
        if (wasDm) this.chat = `${dmPrefix}${this.speaker}`;
      } else if (name === "in" && argument.trim()) {
        this.chat = argument.trim() === "dm" ? `${dmPrefix}${this.speaker}` : argument.trim();
      } else if (name === "press") {
        await dispatch(await this.pressMessage(argument.trim()));
      } else if (name === "file" && argument.trim() && this.options.uploads) {
        await dispatch(await this.fileMessage(argument.trim(), this.options.uploads));
      } else {
        // "/as", "/in" or "/file" without an argument is an ordinary (unknown) command for the bot to answer.
        await dispatch(this.message(text));
      }
    } else {
      await dispatch(this.message(text));
    }
    if (!this.options.interactive) await this.options.waitUntilIdle?.();
    this.options.onLineHandled?.();
    this.prompt();
  }

  private message(text: string): IncomingMessage {
    const direct = this.chat.startsWith(dmPrefix);
    return {
      platform: "terminal",
      messageId: `${Date.now().toString(36)}-${(this.counter++).toString(36)}-${randomUUID().slice(0, 8)}`,
      chatId: this.chat,
      chatKind: direct ? "direct" : "group",
      chatTitle: direct ? this.speaker : this.chat,
      senderId: this.speaker,
      senderName: this.speaker,
      text,
      mentionsBot: text.includes(`@${this.options.botName}`),
      receivedAt: new Date(),
    };
  }

  private async pressMessage(argument: string): Promise<IncomingMessage> {
    const index = Number.parseInt(argument, 10);
    const card =
      (await this.options.latestCard?.(this.speaker, this.chat)) ??
      this.cards.get(this.speaker) ??
      this.cards.get(this.chat) ??
      null;
    const button = card && Number.isInteger(index) ? card.buttons[index - 1] : undefined;
    return {
      ...this.message(`/press ${argument}`),
      press: {
        cardId: card?.key ?? "",
        value: button?.value ?? "",
        index: Number.isInteger(index) ? index : undefined,
      },
    };
  }

  /** `/file PATH`: the local file, sent as an attachment by the current speaker in the current chat. */
  private async fileMessage(argument: string, uploads: UploadSettings): Promise<IncomingMessage> {
    const base = this.message("");
    // A path may be quoted when it holds spaces.
    const local = path.resolve(argument.replace(/^(["'])(.*)\1$/, "$2"));
    const name = path.basename(local);
    let file: IncomingFile;
    try {
      const found = await stat(local);
      if (!found.isFile()) throw new Error(`${local} is not a file`);
      file = await saveUpload(createReadStream(local), { ...uploads, message: base, name, announcedSize: found.size });
    } catch {
      file = unavailableUpload(name);
    }
    return { ...base, file };
  }

  async send(target: Target, message: OutgoingMessage, key: string): Promise<void> {
    if (message.kind === "card") {
      const holder =
        target.kind === "user" ? target.id : target.id.startsWith(dmPrefix) ? target.id.slice(3) : target.id;
      this.cards.set(holder, { key, buttons: message.buttons });
    }
    const line = formatLine(this.options.botName, target, message);
    if (!this.options.interactive) {
      this.options.output.write(`${line}\n`);
      return;
    }
    // At a keyboard the bot speaks over the prompt: clear it, print the line, draw the prompt again.
    this.options.output.write(`\r\x1b[K${line}\n`);
    this.prompt();
  }

  async stop(): Promise<void> {
    this.closed = true;
    this.ended = true;
    this.readline?.close();
  }
}
