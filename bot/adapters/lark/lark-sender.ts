// Sends one outbox message to Lark. The message uuid (the outbox key, at most 50 characters) makes
// a retried send idempotent on Lark's side for an hour; a rate limit (HTTP 429 or code 99991400)
// is waited out for as long as `x-ogw-ratelimit-reset` says, and beyond a bound thrown as retryable.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import type { Client } from "@larksuiteoapi/node-sdk";
import type { OutgoingMessage, Target } from "../../../core/messages.ts";
import { larkCard } from "./lark-card.ts";
import { RateLimitedError } from "./rate-limited-error.ts";
import { RefusedForGoodError } from "./refused-for-good-error.ts";

const rateLimitCode = 99991400;
const uuidMax = 50;

/**
 * The message uuid for an outbox key. Keys that fit are used as they are; longer ones keep a
 * readable head and a hash of the whole key, since two keys sharing their first 50 characters
 * (…-0, …-1) must not share a uuid.
 */
export function larkUuid(key: string): string {
  if (key.length <= uuidMax) return key;
  const hash = createHash("sha256").update(key).digest("hex").slice(0, 32);
  return `${key.slice(0, uuidMax - hash.length - 1)}-${hash}`;
}

interface LarkReply {
  code?: number;
  msg?: string;
  data?: { message_id?: string; image_key?: string };
}

interface HttpFailure {
  response?: { status?: number; headers?: Record<string, unknown>; data?: LarkReply };
}

/** The wait Lark asks for, when the failure is a rate limit. */
export function rateLimitDelayMs(error: unknown): number | null {
  const response = (error as HttpFailure | null)?.response;
  if (!response || (response.status !== 429 && response.data?.code !== rateLimitCode)) return null;
  const reset = Number(response.headers?.["x-ogw-ratelimit-reset"]);
  return Number.isFinite(reset) && reset >= 0 ? Math.ceil(reset * 1000) : 1000;
}

/** Lark's code in a failed call: in the body of an HTTP 200, or of an HTTP error. */
function larkCode(failure: unknown): number | undefined {
  const reply = (failure as HttpFailure | null)?.response?.data ?? (failure as LarkReply | null);
  return typeof reply?.code === "number" ? reply.code : undefined;
}

// The tenant token was refused (invalid, expired or revoked before its time): fetch a new one, once.
const tokenRefused = new Set([99991661, 99991663, 99991668, 99991677]);

/**
 * Sends Lark refuses for good, whatever the retry: the bot is not in the chat (230002), the person is
 * outside the app's availability (230013), the content is too long (230025) or invalid (230001).
 */
const refusedForGood = new Set([230001, 230002, 230013, 230025]);

export interface SenderOptions {
  /** Longest rate-limit wait spent inside one send; longer waits throw RateLimitedError. */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Empties the client's token cache, for a token Lark refused before its expiry. */
  forgetToken?: () => void;
}

export class LarkSender {
  private readonly maxWaitMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly forgetToken?: () => void;

  constructor(
    private readonly client: Client,
    options: SenderOptions = {},
  ) {
    this.maxWaitMs = options.maxWaitMs ?? 10_000;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.forgetToken = options.forgetToken;
  }

  /** Sends `message` to a chat (chat_id) or a person (open_id); returns Lark's message id. */
  async send(target: Target, message: OutgoingMessage, key: string): Promise<string | undefined> {
    const to = { receive_id_type: target.kind === "user" ? ("open_id" as const) : ("chat_id" as const), id: target.id };
    if (message.kind === "text") return this.create(to, "text", { text: message.text }, key);
    if (message.kind === "card") return this.create(to, "interactive", larkCard(message, key), key);
    const imageKey = await this.upload(message.path);
    const sent = await this.create(to, "image", { image_key: imageKey }, key);
    if (message.text) await this.create(to, "text", { text: message.text }, `${key}:caption`);
    return sent;
  }

  /** Replaces the content of a card already sent. */
  async updateCard(messageId: string, card: object): Promise<void> {
    const reply = (await this.withFreshToken(() =>
      this.withRateLimit(() =>
        this.client.im.message.patch({ path: { message_id: messageId }, data: { content: JSON.stringify(card) } }),
      ),
    )) as LarkReply;
    this.check(reply, "update card");
  }

  private async create(
    to: { receive_id_type: "open_id" | "chat_id"; id: string },
    msgType: string,
    content: object,
    key: string,
  ): Promise<string | undefined> {
    const reply = (await this.withFreshToken(() =>
      this.withRateLimit(() =>
        this.client.im.message.create({
          params: { receive_id_type: to.receive_id_type },
          data: { receive_id: to.id, msg_type: msgType, content: JSON.stringify(content), uuid: larkUuid(key) },
        }),
      ),
    ).catch((error: unknown) => {
      const code = larkCode(error);
      if (code !== undefined && refusedForGood.has(code)) throw new RefusedForGoodError(code, String(error));
      throw error;
    })) as LarkReply;
    this.check(reply, "send");
    return reply.data?.message_id;
  }

  /** Runs a call again with a new token when Lark refused the cached one (revoked, or expired early). */
  private async withFreshToken<T>(call: () => Promise<T>): Promise<T> {
    const refused = (outcome: unknown) => {
      const code = larkCode(outcome);
      return code !== undefined && tokenRefused.has(code);
    };
    try {
      const reply = await call();
      if (!refused(reply) || !this.forgetToken) return reply;
    } catch (error) {
      if (!refused(error) || !this.forgetToken) throw error;
    }
    this.forgetToken();
    return call();
  }

  private async upload(path: string): Promise<string> {
    const reply = await this.withFreshToken(() =>
      this.withRateLimit(() =>
        this.client.im.image.create({ data: { image_type: "message", image: createReadStream(path) } }),
      ),
    );
    if (!reply?.image_key) throw new Error(`Lark image upload of ${path} returned no image_key`);
    return reply.image_key;
  }

  private check(reply: LarkReply | null | undefined, what: string): void {
    if (reply && reply.code !== undefined && reply.code !== 0) {
      if (reply.code === rateLimitCode) throw new RateLimitedError(1000);
      if (refusedForGood.has(reply.code)) throw new RefusedForGoodError(reply.code, reply.msg ?? "");
      throw new Error(`Lark ${what} failed: ${reply.code} ${reply.msg ?? ""}`.trim());
    }
  }

  /** Runs a call, waiting out rate limits up to `maxWaitMs` in all; beyond that the caller retries later. */
  private async withRateLimit<T>(call: () => Promise<T>): Promise<T> {
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        const delay = rateLimitDelayMs(error);
        if (delay === null) throw error;
        if (waited + delay > this.maxWaitMs || attempt >= 5) throw new RateLimitedError(delay);
        waited += delay;
        await this.sleep(delay);
      }
    }
  }
}
