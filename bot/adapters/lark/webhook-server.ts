// The webhook receiver: one HTTP server, events on `path` (EventDispatcher) and card callbacks on
// `path/card` (CardActionHandler), both through the SDK's adaptDefault. Each request is verified
// first (verify-request.ts) and refused with 400/401 when forged; the verified bytes are then
// replayed to adaptDefault, which reads the body itself.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { adaptDefault, type CardActionHandler, type EventDispatcher } from "@larksuiteoapi/node-sdk";
import type { Log } from "../../../core/log.ts";
import type { HttpProbe } from "../../health.ts";
import { type VerifySettings, verifyRequest } from "./verify-request.ts";

const maxBodyBytes = 1024 * 1024;

export interface WebhookOptions extends VerifySettings {
  port: number;
  path: string;
  host?: string;
  events: EventDispatcher;
  cards: CardActionHandler;
  log: Log;
  /** /healthz and /readyz on the webhook's port, for the load balancer in front of the gateways. */
  probe?: HttpProbe;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** A request whose body is `raw` again, for adaptDefault to read. */
function replay(req: IncomingMessage, raw: string, url: string): IncomingMessage {
  const copy = Readable.from([Buffer.from(raw, "utf8")]);
  Object.assign(copy, { url, method: req.method, headers: req.headers });
  return copy as unknown as IncomingMessage;
}

export class WebhookServer {
  private server?: Server;
  private readonly eventPath: string;
  private readonly cardPath: string;

  constructor(private readonly options: WebhookOptions) {
    this.eventPath = options.path.replace(/\/+$/, "") || "/";
    this.cardPath = `${this.eventPath === "/" ? "" : this.eventPath}/card`;
  }

  /** The port listened on (useful when 0 asked for any free port). */
  get port(): number {
    return (this.server?.address() as AddressInfo | null)?.port ?? 0;
  }

  async start(): Promise<void> {
    const { events, cards } = this.options;
    const handlers = new Map([
      [this.eventPath, adaptDefault(this.eventPath, events, { autoChallenge: true })],
      [this.cardPath, adaptDefault(this.cardPath, cards, { autoChallenge: true })],
    ]);
    const server = createServer((req, res) => {
      this.handle(req, res, handlers).catch((error) => {
        this.options.log.error({ err: String(error) }, "Lark webhook request failed");
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.options.port, this.options.host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    this.options.log.info({ port: this.port, path: this.eventPath }, "Lark webhook listening");
  }

  private async handle(
    req: IncomingMessage,
    res: ServerResponse,
    handlers: Map<string, ReturnType<typeof adaptDefault>>,
  ): Promise<void> {
    if (this.options.probe?.(req, res)) return;
    const path = (req.url ?? "").split("?")[0] ?? "";
    const handler = handlers.get(path);
    if (!handler) return void res.writeHead(404).end();
    if (req.method !== "POST") return void res.writeHead(405, { Allow: "POST" }).end();
    let raw: string;
    try {
      raw = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLarge) return void res.writeHead(413).end();
      throw error;
    }
    const verdict = verifyRequest(raw, req.headers, this.options);
    if (!verdict.ok) {
      this.options.log.warn({ path, reason: verdict.reason }, "Lark webhook request refused");
      return void res.writeHead(verdict.status, { "Content-Type": "application/json" }).end('{"msg":"refused"}');
    }
    res.setHeader("Content-Type", "application/json");
    await handler(replay(req, raw, path), res);
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
