// HEALTH_PORT: /healthz and /readyz on a port of their own, for processes without another HTTP server
// (`craftbridge worker`) or a load balancer that probes on a separate port.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { HttpProbe } from "./health.ts";

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

export async function serveHealth(probe: HttpProbe, host: string, port: number): Promise<HealthServer> {
  const server = createServer((req, res) => {
    if (!probe(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
