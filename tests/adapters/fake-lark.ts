// A fake Lark open platform on 127.0.0.1 for the real SDK Client: tenant token, bot info, users,
// chats, messages (with uuid idempotency), images, card updates and the files of received messages.
// It records every call and refuses what Lark refuses, with Lark's codes: a rate limit (429, code
// 99991400, x-ogw-ratelimit-* headers), a revoked token (99991663), a chat the bot is not in (230002),
// content over the size limit (230025: text 150 KB, card 30 KB), the contact API without its
// permission (99991672). A uuid makes a send idempotent for one hour, on a clock tests can move.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeMessage {
  messageId: string;
  receiveIdType: string;
  receiveId: string;
  msgType: string;
  content: { text?: string; elements?: unknown; image_key?: string };
  uuid?: string;
  at: number;
}

export interface FakeLark {
  url: string;
  botOpenId: string;
  messages: FakeMessage[];
  /** Every call to im/v1/messages create, rate-limited ones included. */
  sendAttempts: { uuid?: string; at: number; status: number }[];
  images: { bytes: number }[];
  cardUpdates: { messageId: string; content: Record<string, unknown> }[];
  tokenRequests: number;
  users: Map<string, string>;
  chats: Map<string, { name: string; mode: "group" | "p2p" }>;
  /** Files people sent, by file_key, as im/v1/messages/:message_id/resources/:file_key hands them out. */
  files: Map<string, Buffer>;
  /** Every download of a message resource. */
  downloads: { messageId: string; fileKey: string; type: string | null }[];
  /** App ids the long-connection endpoint (POST /callback/ws/endpoint) knows; any other is refused (code 514). */
  wsApps: Set<string>;
  /** The gateway the endpoint sends a known app to (fake-lark-gateway.ts); without one, an address nobody listens on. */
  wsGateway?: { url: string; clientConfig: object };
  /** Calls to the long-connection endpoint: one per connection the client opens. */
  wsEndpointRequests: number;
  /** Chats the bot was removed from: a send there answers HTTP 400, code 230002. */
  chatsWithoutBot: Set<string>;
  /** Whether the app holds contact:user.base:readonly; without it the user API answers code 99991672. */
  contactPermission: boolean;
  /** Moves the platform's clock on (uuid idempotency lasts an hour of it). */
  advanceClock(ms: number): void;
  /** Refuses every tenant token handed out so far (code 99991663), as Lark does when it revokes them early. */
  revokeTokens(): void;
  /** The next `count` sends answer HTTP 429 with `x-ogw-ratelimit-reset: resetSeconds`. */
  rateLimitNext(count: number, resetSeconds: number): void;
  /** Resolves at the next call that sends or updates a message, answered or refused: tests wait on it, not on time. */
  nextSend(): Promise<void>;
  close(): Promise<void>;
}

function body(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export async function startFakeLark(): Promise<FakeLark> {
  let limited = 0;
  let resetSeconds = 1;
  let counter = 0;
  const byUuid = new Map<string, { message: FakeMessage; sentAt: number }>();
  const fake: Omit<FakeLark, "url" | "close" | "rateLimitNext" | "nextSend" | "advanceClock" | "revokeTokens"> = {
    botOpenId: "ou_bot",
    messages: [],
    sendAttempts: [],
    images: [],
    cardUpdates: [],
    tokenRequests: 0,
    users: new Map(),
    chats: new Map(),
    files: new Map(),
    downloads: [],
    wsApps: new Set(),
    wsEndpointRequests: 0,
    chatsWithoutBot: new Set(),
    contactPermission: true,
  };
  let clockOffsetMs = 0;
  const now = () => Date.now() + clockOffsetMs;
  let tokenCounter = 0;
  const validTokens = new Set<string>();
  let sendWaiters: (() => void)[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const raw = await body(req);
    const json = (status: number, payload: object, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "Content-Type": "application/json", ...headers });
      res.end(JSON.stringify(payload));
      if (req.method === "POST" || req.method === "PATCH") {
        const waiting = sendWaiters;
        sendWaiters = [];
        for (const wake of waiting) wake();
      }
    };
    const path = url.pathname;
    if (path === "/open-apis/auth/v3/tenant_access_token/internal") {
      fake.tokenRequests += 1;
      const token = `t-fake-${++tokenCounter}`;
      validTokens.add(token);
      return json(200, { code: 0, msg: "ok", tenant_access_token: token, expire: 7200 });
    }
    if (path === "/callback/ws/endpoint" && req.method === "POST") {
      fake.wsEndpointRequests += 1;
      const { AppID } = JSON.parse(raw.toString("utf8") || "{}") as { AppID?: string };
      if (!AppID || !fake.wsApps.has(AppID))
        return json(200, { code: 514, msg: "app id or secret is invalid", data: {} });
      return json(200, {
        code: 0,
        data: {
          URL: fake.wsGateway?.url ?? "ws://127.0.0.1:9/ws?device_id=d1&service_id=1",
          ClientConfig: fake.wsGateway?.clientConfig ?? {
            PingInterval: 120,
            ReconnectCount: -1,
            ReconnectInterval: 120,
            ReconnectNonce: 30,
          },
        },
      });
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    if (!bearer) return json(400, { code: 99991661, msg: "Missing access token for authorization." });
    if (!validTokens.has(bearer)) return json(400, { code: 99991663, msg: "Invalid access token for authorization." });
    if (path === "/open-apis/bot/v3/info")
      return json(200, { code: 0, bot: { open_id: fake.botOpenId, app_name: "匠桥" } });
    const user = /^\/open-apis\/contact\/v3\/users\/([^/]+)$/.exec(path);
    if (user?.[1]) {
      if (!fake.contactPermission) {
        return json(400, {
          code: 99991672,
          msg: "Access denied. One of the following scopes is required: [contact:user.base:readonly].",
        });
      }
      const name = fake.users.get(decodeURIComponent(user[1]));
      return name ? json(200, { code: 0, data: { user: { name } } }) : json(400, { code: 41050, msg: "no user" });
    }
    const chat = /^\/open-apis\/im\/v1\/chats\/([^/]+)$/.exec(path);
    if (chat?.[1]) {
      const found = fake.chats.get(decodeURIComponent(chat[1]));
      return found
        ? json(200, { code: 0, data: { name: found.name, chat_mode: found.mode } })
        : json(400, { code: 232010, msg: "no chat" });
    }
    if (path === "/open-apis/im/v1/images" && req.method === "POST") {
      fake.images.push({ bytes: raw.length });
      return json(200, { code: 0, data: { image_key: `img_${fake.images.length}` } });
    }
    if (path === "/open-apis/im/v1/messages" && req.method === "POST") {
      const data = JSON.parse(raw.toString("utf8")) as {
        uuid?: string;
        receive_id?: string;
        msg_type?: string;
        content?: string;
      };
      if (limited > 0) {
        limited -= 1;
        fake.sendAttempts.push({ uuid: data.uuid, at: Date.now(), status: 429 });
        return json(
          429,
          { code: 99991400, msg: "request trigger frequency limit" },
          {
            "x-ogw-ratelimit-limit": "5",
            "x-ogw-ratelimit-reset": String(resetSeconds),
          },
        );
      }
      const receiveId = data.receive_id ?? "";
      if (url.searchParams.get("receive_id_type") === "chat_id" && fake.chatsWithoutBot.has(receiveId)) {
        fake.sendAttempts.push({ uuid: data.uuid, at: Date.now(), status: 400 });
        return json(400, { code: 230002, msg: "Bot/User can NOT be out of the chat." });
      }
      const limit = data.msg_type === "interactive" ? 30 * 1024 : 150 * 1024;
      if (Buffer.byteLength(data.content ?? "") > limit) {
        fake.sendAttempts.push({ uuid: data.uuid, at: Date.now(), status: 400 });
        return json(400, { code: 230025, msg: "The message content is too long." });
      }
      fake.sendAttempts.push({ uuid: data.uuid, at: Date.now(), status: 200 });
      // Lark sends a message once per uuid for an hour: a retry within it gets the first message back.
      const earlier = data.uuid ? byUuid.get(data.uuid) : undefined;
      if (earlier && now() - earlier.sentAt < 3600_000) {
        return json(200, { code: 0, data: { message_id: earlier.message.messageId } });
      }
      const message: FakeMessage = {
        messageId: `om_${++counter}`,
        receiveIdType: url.searchParams.get("receive_id_type") ?? "",
        receiveId: data.receive_id ?? "",
        msgType: data.msg_type ?? "",
        content: JSON.parse(data.content ?? "{}") as FakeMessage["content"],
        uuid: data.uuid,
        at: Date.now(),
      };
      if (data.uuid) byUuid.set(data.uuid, { message, sentAt: now() });
      fake.messages.push(message);
      return json(200, { code: 0, data: { message_id: message.messageId } });
    }
    const resource = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/resources\/([^/]+)$/.exec(path);
    if (resource?.[1] && resource[2] && req.method === "GET") {
      const fileKey = decodeURIComponent(resource[2]);
      fake.downloads.push({ messageId: resource[1], fileKey, type: url.searchParams.get("type") });
      const bytes = fake.files.get(fileKey);
      if (!bytes) return json(400, { code: 234003, msg: "File not in msg." });
      res.writeHead(200, { "Content-Type": "application/octet-stream", "Content-Length": String(bytes.length) });
      res.end(bytes);
      return;
    }
    const update = /^\/open-apis\/im\/v1\/messages\/([^/]+)$/.exec(path);
    if (update?.[1] && req.method === "PATCH") {
      const data = JSON.parse(raw.toString("utf8")) as { content: string };
      fake.cardUpdates.push({ messageId: update[1], content: JSON.parse(data.content) as Record<string, unknown> });
      return json(200, { code: 0, msg: "ok" });
    }
    json(404, { code: 404, msg: `no fake for ${req.method} ${path}` });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    advanceClock: (ms: number) => {
      clockOffsetMs += ms;
    },
    revokeTokens: () => validTokens.clear(),
    nextSend: () =>
      new Promise<void>((resolve) => {
        sendWaiters.push(resolve);
      }),
    rateLimitNext: (count: number, seconds: number) => {
      limited = count;
      resetSeconds = seconds;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
