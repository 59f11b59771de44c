// Puts the console on a port: `craftbridge start` beside the bot, `craftbridge console` alone.
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { ConsoleApp } from "./console-deps.ts";

export interface ServedConsole {
  /** http://host:port of the running server (the port chosen when 0 was asked for). */
  url: string;
  close(): Promise<void>;
}

export function serveConsole(app: ConsoleApp, host: string, port: number): Promise<ServedConsole> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
      const shown = info.family === "IPv6" ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shown}:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive connections of an open browser would hold the close for minutes.
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
    server.once("error", reject);
  });
}
