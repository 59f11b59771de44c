// The one message shape every platform adapter produces and consumes.
import type { Platform } from "./config.ts";

export type ChatKind = "group" | "direct";

/** A button press on a card (Lark card action, or /press N in the terminal, or a numbered choice). */
export interface CardPress {
  /** The outbox key of the card that was pressed; empty when there was no card to press. */
  cardId: string;
  /** The action value of the button, e.g. "offer.accept:<matchId>"; empty when there is no such button. */
  value: string;
  /** 1-based number of the button, when the platform presses by number. */
  index?: number;
}

/**
 * A file sent in the chat. The adapter saves it under the uploads folder before dispatching; the
 * dispatcher removes it afterwards unless a handler moved it away to keep it (a roster import).
 */
export interface IncomingFile {
  /** The name the sender gave it: shown back to people, never used as a path. */
  name: string;
  /** Where the adapter saved it; "" when it was not saved (see `problem`). */
  path: string;
  /** Bytes saved; when not saved, as many as were known. */
  size: number;
  /** Why it was not saved: larger than UPLOAD_MAX_MB, or the platform would not hand it over. */
  problem?: "too_large" | "unavailable";
}

/** A message from a person, as every platform hands it to the dispatcher. */
export interface IncomingMessage {
  platform: Platform;
  /** The platform's own id of the message: the dedupe key. */
  messageId: string;
  chatId: string;
  chatKind: ChatKind;
  chatTitle?: string;
  senderId: string;
  senderName: string;
  text: string;
  mentionsBot: boolean;
  receivedAt: Date;
  press?: CardPress;
  /** A file sent instead of text (text is then ""). */
  file?: IncomingFile;
  raw?: unknown;
}

export interface CardButton {
  label: string;
  /** Action value handed back on press. */
  value: string;
}

export type OutgoingMessage =
  | { kind: "text"; text: string }
  | { kind: "card"; text: string; title?: string; buttons: CardButton[] }
  | { kind: "image"; text?: string; path: string };

/** Where a message goes: a chat (group or direct) or a person by platform user id. */
export interface Target {
  platform: Platform;
  kind: "chat" | "user";
  id: string;
}

/** What a platform adapter does. Only bot/adapters/ implements it. */
export interface Adapter {
  readonly platform: Platform;
  /**
   * Every chat shows in one stream (the terminal): messages go out one after another in the order they
   * were queued, across chats too, so the reader sees them in the order the bot said them.
   */
  readonly oneStream?: boolean;
  start(dispatch: (message: IncomingMessage) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
  /** Sends one message; `key` is the outbox idempotency key for platforms that accept one. */
  send(target: Target, message: OutgoingMessage, key: string): Promise<void>;
}

/** Longest text the bot reads; longer messages get a polite refusal. */
export const maxTextLength = 4000;
