// Liveness and readiness for a load balancer or an orchestrator: /healthz says the process is alive,
// /readyz that it may be sent work (the database answers with every migration applied, Redis answers,
// and it is not shutting down). Served on the Lark webhook's port and on HEALTH_PORT.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { JobSystem } from "../jobs/job-system.ts";
import type { Db } from "../prisma/client.ts";
import { missingMigrations } from "../prisma/readiness.ts";

export type Readiness = { ready: true } | { ready: false; reason: string };

/** Answers a probe request and returns true, or returns false for any other path. */
export type HttpProbe = (req: IncomingMessage, res: ServerResponse) => boolean;

export class Health {
  private draining = false;

  constructor(private readonly checks: { db: Db; jobs: JobSystem }) {}

  /** From now on /readyz answers 503: the process finishes what it has and takes nothing new. */
  drain(): void {
    this.draining = true;
  }

  async readiness(): Promise<Readiness> {
    if (this.draining) return { ready: false, reason: "shutting down" };
    const [migrations, redis] = await Promise.all([
      missingMigrations(this.checks.db).catch(() => null),
      this.checks.jobs.redisAnswers(),
    ]);
    if (migrations === null) return { ready: false, reason: "database not answering" };
    if (migrations.length > 0) return { ready: false, reason: `migrations not applied: ${migrations.join(", ")}` };
    if (!redis) return { ready: false, reason: "redis not answering" };
    return { ready: true };
  }

  /** GET /healthz and /readyz, as JSON; any other request is left to the caller. */
  readonly probe: HttpProbe = (req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (path !== "/healthz" && path !== "/readyz") return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return true;
    }
    const answer = (status: number, body: object) =>
      res
        .writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" })
        .end(JSON.stringify(body));
    if (path === "/healthz") {
      answer(200, { alive: true });
      return true;
    }
    this.readiness().then(
      (readiness) => answer(readiness.ready ? 200 : 503, readiness),
      (error: unknown) => answer(503, { ready: false, reason: String(error) }),
    );
    return true;
  };
}
