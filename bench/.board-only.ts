import { createConsole, sessionCookie } from "../console/console-app.ts";
import { createLog } from "../core/log.ts";
import type { Services } from "../jobs/services.ts";
import { openDatabase } from "../prisma/client.ts";
import { createConsoleLink, redeemConsoleLink } from "../prisma/console-sessions.ts";
import { seedDigestHistory } from "./support/digest-history.ts";
import { percentile } from "./support/lines.ts";
import { random, seedExperts, syntheticExperts } from "./support/synthetic.ts";
import { createWorkspace } from "./support/workspace.ts";
const ws = createWorkspace("redis://127.0.0.1:6379", "console-board-only");
const db = await openDatabase(ws.databaseUrl);
await seedExperts(db, syntheticExperts(2000, random(2000)));
const now = new Date();
await seedDigestHistory(ws.databaseUrl, { requests: 100_000, days: 30, end: now, experts: 2000 });
const services = { db, config: ws.config, log: createLog("silent"), send: async () => {}, enqueue: async () => {} } as Services;
const staff = await db.person.create({ data: { displayName: "工会小陈", role: "staff" } });
const session = await redeemConsoleLink(db, await createConsoleLink(db, staff.id));
const app = createConsole({ services });
const paths = ["/", "/?status=offered", "/?city=东莞", "/?before=50000", "/?teamKey=precision_manufacturing&status=unmatched"];
for (const p of paths) {
  const times: number[] = [];
  let body = "";
  for (let i = 0; i < 12; i++) {
    const t0 = performance.now();
    const r = await app.request(p, { headers: { cookie: `${sessionCookie}=${session?.token}` } });
    body = await r.text();
    times.push(performance.now() - t0);
  }
  console.log(p, "p50", percentile(times, 50).toFixed(1), "p95", percentile(times, 95).toFixed(1), /等待超过 48 小时（(\d+) 条）/.exec(body)?.[1]);
}
await db.$disconnect();
await ws.cleanup();
