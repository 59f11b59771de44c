// A platform adapter that sends nowhere: it counts what the bot hands it and when, for the benches.
import type { Adapter, IncomingMessage, OutgoingMessage, Target } from "../../core/messages.ts";

export interface SentMessage {
  key: string;
  target: Target;
  message: OutgoingMessage;
  /** performance.now() when the deliver job handed it over. */
  at: number;
}

export class CountingAdapter implements Adapter {
  readonly platform = "terminal" as const;
  readonly sent: SentMessage[] = [];
  /** Called on every send, after it is recorded. */
  onSend?: (sent: SentMessage) => void;

  async start(_dispatch: (message: IncomingMessage) => Promise<void>): Promise<void> {}

  async stop(): Promise<void> {}

  async send(target: Target, message: OutgoingMessage, key: string): Promise<void> {
    const sent = { key, target, message, at: performance.now() };
    this.sent.push(sent);
    this.onSend?.(sent);
  }
}
