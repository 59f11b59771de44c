// A fake Lark long-connection gateway for the real SDK's WSClient. It speaks what the SDK speaks:
// `POST /callback/ws/endpoint` on the fake open platform hands out this gateway's address and the
// client settings; then `pbbp2.Frame` protobuf frames over a WebSocket. The client pings (a control
// frame, header type=ping) and gets a pong carrying the settings; events and card callbacks come as data
// frames with headers type=event, message_id, sum, seq, trace_id, split into `sum` fragments when asked;
// the client answers each event with the same frame, a biz_rt header and the payload {code, data}.
// Like Lark, the gateway delivers an event again on the next connection when it got no answer.
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import type { FakeLark } from "./fake-lark.ts";

export interface FrameHeader {
  key: string;
  value: string;
}

/** pbbp2.Frame, as the SDK's protobuf schema declares it. */
export interface Frame {
  SeqID: number;
  LogID: number;
  service: number;
  /** 0 control (ping, pong), 1 data (events). */
  method: number;
  headers: FrameHeader[];
  payloadEncoding?: string;
  payloadType?: string;
  payload?: Uint8Array;
  LogIDNew?: string;
}

/** The client's answer to an event: HTTP-like code and what the handler returned (a card's toast). */
export interface Ack {
  code: number;
  data?: unknown;
  headers: Record<string, string>;
}

// --- protobuf wire format, just what pbbp2 needs: varints (wire type 0) and bytes (wire type 2) ---

function varint(value: number): number[] {
  const out: number[] = [];
  let rest = BigInt(value);
  do {
    let byte = Number(rest & 0x7fn);
    rest >>= 7n;
    if (rest > 0n) byte |= 0x80;
    out.push(byte);
  } while (rest > 0n);
  return out;
}

function field(number: number, wireType: 0 | 2, value: number | Uint8Array): number[] {
  const tag = varint((number << 3) | wireType);
  if (typeof value === "number") return [...tag, ...varint(value)];
  return [...tag, ...varint(value.length), ...value];
}

const utf8 = (text: string) => new TextEncoder().encode(text);

export function encodeFrame(frame: Frame): Buffer {
  const bytes = [
    ...field(1, 0, frame.SeqID),
    ...field(2, 0, frame.LogID),
    ...field(3, 0, frame.service),
    ...field(4, 0, frame.method),
  ];
  for (const header of frame.headers) {
    bytes.push(...field(5, 2, Uint8Array.from([...field(1, 2, utf8(header.key)), ...field(2, 2, utf8(header.value))])));
  }
  if (frame.payloadEncoding !== undefined) bytes.push(...field(6, 2, utf8(frame.payloadEncoding)));
  if (frame.payloadType !== undefined) bytes.push(...field(7, 2, utf8(frame.payloadType)));
  if (frame.payload !== undefined) bytes.push(...field(8, 2, frame.payload));
  if (frame.LogIDNew !== undefined) bytes.push(...field(9, 2, utf8(frame.LogIDNew)));
  return Buffer.from(bytes);
}

/** The fields of one protobuf message, in order: number, and a varint or the bytes. */
function fields(bytes: Uint8Array): { number: number; value: number | Uint8Array }[] {
  const out: { number: number; value: number | Uint8Array }[] = [];
  let at = 0;
  const readVarint = () => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const byte = bytes[at++];
      if (byte === undefined) throw new Error("truncated frame");
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return Number(result);
      shift += 7n;
    }
  };
  while (at < bytes.length) {
    const tag = readVarint();
    const wireType = tag & 7;
    if (wireType === 0) out.push({ number: tag >> 3, value: readVarint() });
    else if (wireType === 2) {
      const length = readVarint();
      out.push({ number: tag >> 3, value: bytes.subarray(at, at + length) });
      at += length;
    } else throw new Error(`wire type ${wireType} is not in pbbp2`);
  }
  return out;
}

const text = (value: number | Uint8Array) =>
  typeof value === "number" ? String(value) : Buffer.from(value).toString();

export function decodeFrame(bytes: Uint8Array): Frame {
  const frame: Frame = { SeqID: 0, LogID: 0, service: 0, method: 0, headers: [] };
  for (const { number, value } of fields(bytes)) {
    if (number === 1) frame.SeqID = Number(value);
    else if (number === 2) frame.LogID = Number(value);
    else if (number === 3) frame.service = Number(value);
    else if (number === 4) frame.method = Number(value);
    else if (number === 5 && typeof value !== "number") {
      const header = fields(value);
      frame.headers.push({
        key: text(header.find((f) => f.number === 1)?.value ?? new Uint8Array()),
        value: text(header.find((f) => f.number === 2)?.value ?? new Uint8Array()),
      });
    } else if (number === 6) frame.payloadEncoding = text(value);
    else if (number === 7) frame.payloadType = text(value);
    else if (number === 8 && typeof value !== "number") frame.payload = Uint8Array.from(value);
    else if (number === 9) frame.LogIDNew = text(value);
  }
  return frame;
}

// --- the gateway ---

const serviceId = 7;
/** What the endpoint and every pong hand the client: ping every 2 minutes, reconnect at once, for ever. */
export const clientConfig = { PingInterval: 120, ReconnectCount: -1, ReconnectInterval: 1, ReconnectNonce: 0 };

interface Delivery {
  messageId: string;
  payload: Buffer;
  fragments: number;
  resolve: (ack: Ack) => void;
}

export interface FakeGateway {
  /** How many WebSocket connections the client opened and pinged on so far. */
  connections: number;
  /** Pings the client sent. */
  pings: Frame[];
  /** Resolves when the client has connected `count` times in all. */
  connected(count?: number): Promise<void>;
  /** Resolves when the client has pinged `count` times in all. */
  pinged(count?: number): Promise<void>;
  /**
   * Pushes an event (a schema 2.0 envelope) in `fragments` data frames; resolves with the client's answer.
   * Without a connection, or when the connection drops before the answer, it goes out on the next one.
   */
  push(event: object, options?: { fragments?: number }): Promise<Ack>;
  /** The gateway ends the connection, as Lark does when it moves a client elsewhere. */
  drop(): void;
  close(): Promise<void>;
}

export async function startFakeGateway(fake: FakeLark): Promise<FakeGateway> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  fake.wsGateway = { url: `ws://127.0.0.1:${port}/ws?device_id=fake-device&service_id=${serviceId}`, clientConfig };

  /** The connection events go out on: the latest one, once its client has pinged (it listens by then). */
  let current: WebSocket | undefined;
  let seq = 0;
  const unanswered = new Map<string, Delivery>();
  const waiters: (() => void)[] = [];
  const wake = () => {
    for (const waiter of waiters.splice(0)) waiter();
  };
  const until = (met: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => (met() ? resolve() : waiters.push(check));
      check();
    });

  const send = (socket: WebSocket, delivery: Delivery) => {
    const size = Math.ceil(delivery.payload.length / delivery.fragments);
    const traceId = randomUUID();
    for (let index = 0; index < delivery.fragments; index += 1) {
      seq += 1;
      socket.send(
        encodeFrame({
          SeqID: seq,
          LogID: seq,
          service: serviceId,
          method: 1,
          headers: [
            { key: "type", value: "event" },
            { key: "message_id", value: delivery.messageId },
            { key: "sum", value: String(delivery.fragments) },
            { key: "seq", value: String(index) },
            { key: "trace_id", value: traceId },
          ],
          payload: delivery.payload.subarray(index * size, (index + 1) * size),
        }),
      );
    }
  };

  const gateway: FakeGateway = {
    connections: 0,
    pings: [],
    connected: (count = 1) => until(() => gateway.connections >= count && current !== undefined),
    pinged: (count = 1) => until(() => gateway.pings.length >= count),
    push: (event, options = {}) =>
      new Promise<Ack>((resolve) => {
        const delivery: Delivery = {
          messageId: randomUUID(),
          payload: Buffer.from(JSON.stringify(event)),
          fragments: options.fragments ?? 1,
          resolve,
        };
        unanswered.set(delivery.messageId, delivery);
        if (current) send(current, delivery);
      }),
    drop: () => {
      current?.close(1000, "moved");
      current = undefined;
    },
    close: async () => {
      for (const client of server.clients) client.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  server.on("connection", (socket) => {
    socket.on("message", (raw: Buffer) => {
      const frame = decodeFrame(raw);
      const headers: Record<string, string> = Object.fromEntries(frame.headers.map((h) => [h.key, h.value]));
      const type = headers["type"];
      const messageId = headers["message_id"];
      if (frame.method === 0 && type === "ping") {
        gateway.pings.push(frame);
        if (current !== socket) {
          current = socket;
          gateway.connections += 1;
          // Events that got no answer on an earlier connection go out again, as Lark re-pushes them.
          for (const delivery of unanswered.values()) send(socket, delivery);
        }
        socket.send(
          encodeFrame({
            ...frame,
            headers: [{ key: "type", value: "pong" }],
            payload: utf8(JSON.stringify(clientConfig)),
          }),
        );
      } else if (frame.method === 1 && messageId) {
        const delivery = unanswered.get(messageId);
        if (!delivery) return;
        unanswered.delete(messageId);
        const answer = JSON.parse(Buffer.from(frame.payload ?? []).toString() || "{}") as {
          code: number;
          data?: string;
        };
        const data = answer.data ? JSON.parse(Buffer.from(answer.data, "base64").toString()) : undefined;
        delivery.resolve({ code: answer.code, data, headers });
      }
      wake();
    });
    socket.on("close", () => {
      if (current === socket) current = undefined;
      wake();
    });
  });
  return gateway;
}
