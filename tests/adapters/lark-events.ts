// Real Lark webhook requests for tests: events (schema 2.0) and card callbacks, encrypted with the
// encrypt key (AES-256-CBC, key = sha256(encrypt key), random IV first) and signed the way Lark
// signs them (sha256 of timestamp + nonce + encrypt key + body).
import { createCipheriv, createHash, randomBytes, randomUUID } from "node:crypto";

export const verificationToken = "v-token-test";
export const encryptKey = "e-key-test";

/** The settings of a bot that takes Lark's events by webhook (on a free port) from the platform at `domain`. */
export function larkWebhookSettings(domain: string) {
  return {
    LARK_APP_ID: "cli_test",
    LARK_APP_SECRET: "secret",
    LARK_DOMAIN: domain,
    LARK_MODE: "webhook",
    LARK_VERIFICATION_TOKEN: verificationToken,
    LARK_ENCRYPT_KEY: encryptKey,
    LARK_WEBHOOK_PORT: "0",
  };
}

export function encrypt(plain: string, key = encryptKey): string {
  const iv = randomBytes(16);
  const cipher = createCipheriv("aes-256-cbc", createHash("sha256").update(key).digest(), iv);
  return Buffer.concat([iv, cipher.update(plain, "utf8"), cipher.final()]).toString("base64");
}

export function sign(body: string, timestamp: string, nonce: string, key = encryptKey): string {
  return createHash("sha256")
    .update(timestamp + nonce + key + body)
    .digest("hex");
}

export interface Delivery {
  body: string;
  headers: Record<string, string>;
}

/** An event as Lark delivers it: encrypted, signed. */
export function deliver(
  event: object,
  options: { key?: string; signKey?: string; sentAtSeconds?: number } = {},
): Delivery {
  const body = JSON.stringify({ encrypt: encrypt(JSON.stringify(event), options.key) });
  const timestamp = String(options.sentAtSeconds ?? Math.floor(Date.now() / 1000));
  const nonce = randomUUID();
  return {
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Lark-Request-Timestamp": timestamp,
      "X-Lark-Request-Nonce": nonce,
      "X-Lark-Signature": sign(body, timestamp, nonce, options.signKey ?? options.key),
    },
  };
}

export function envelope<E extends object>(
  eventType: string,
  event: E,
  options: { eventId?: string; token?: string } = {},
) {
  return {
    schema: "2.0",
    header: {
      event_id: options.eventId ?? randomUUID(),
      event_type: eventType,
      create_time: String(Date.now()),
      token: options.token ?? verificationToken,
      app_id: "cli_test",
      tenant_key: "tenant",
    },
    event,
  };
}

let counter = 0;

/** An im.message.receive_v1 event. */
export function textEvent(options: {
  chatId: string;
  chatType: "group" | "p2p";
  senderId: string;
  text: string;
  mentions?: { key: string; openId: string; name: string }[];
  messageId?: string;
  eventId?: string;
  messageType?: "text" | "post" | "file";
  content?: object;
}) {
  return envelope(
    "im.message.receive_v1",
    {
      sender: { sender_id: { open_id: options.senderId }, sender_type: "user", tenant_key: "tenant" },
      message: {
        message_id: options.messageId ?? `om_in_${++counter}_${randomUUID().slice(0, 8)}`,
        chat_id: options.chatId,
        chat_type: options.chatType,
        message_type: options.messageType ?? "text",
        content: JSON.stringify(options.content ?? { text: options.text }),
        create_time: String(Date.now()),
        mentions: (options.mentions ?? []).map((mention) => ({
          key: mention.key,
          id: { open_id: mention.openId },
          name: mention.name,
          tenant_key: "tenant",
        })),
      },
    },
    { eventId: options.eventId },
  );
}

/** `count` people of one group each asking the bot for help at once: a burst as Lark pushes it. */
export function helpBurst(chatId: string, count: number, botOpenId: string) {
  return Array.from({ length: count }, (_, i) =>
    textEvent({
      chatId,
      chatType: "group",
      senderId: `ou_${chatId}_${i}`,
      text: "@_user_1 帮助",
      mentions: [{ key: "@_user_1", openId: botOpenId, name: "匠桥" }],
    }),
  );
}

/** The outbox key of the bot's first reply to a text event. */
export function replyKeyOf(event: ReturnType<typeof textEvent>): string {
  return `in-lark-${event.event.message.message_id}-0`;
}

/** An im.message.receive_v1 event of a file someone sent (message_type "file"). */
export function fileEvent(options: {
  chatId: string;
  chatType: "group" | "p2p";
  senderId: string;
  fileKey: string;
  fileName: string;
  messageId?: string;
}) {
  return textEvent({
    ...options,
    text: "",
    messageType: "file",
    content: { file_key: options.fileKey, file_name: options.fileName },
  });
}

/** A card.action.trigger callback for a button value. */
export function cardAction(options: {
  operatorId: string;
  chatId: string;
  cardMessageId: string;
  value: object;
  eventId?: string;
}) {
  return envelope(
    "card.action.trigger",
    {
      operator: { open_id: options.operatorId, tenant_key: "tenant" },
      token: "c-update-token",
      action: { tag: "button", value: options.value },
      host: "im_message",
      context: { open_message_id: options.cardMessageId, open_chat_id: options.chatId },
    },
    { eventId: options.eventId },
  );
}

export async function post(url: string, delivery: Delivery): Promise<{ status: number; body: string }> {
  const response = await fetch(url, { method: "POST", headers: delivery.headers, body: delivery.body });
  return { status: response.status, body: await response.text() };
}
