// The whole app in the bench process (queues, workers, a counting adapter), on a workspace, with a
// synthetic roster and ready-made help requests for the pipeline benches.

import { type App, startApp } from "../../bot/app.ts";
import { createLog } from "../../core/log.ts";
import { understand } from "../../core/understanding/understand.ts";
import { storedFields } from "../../handlers/request-intake.ts";
import type { Db } from "../../prisma/client.ts";
import { CountingAdapter } from "./counting-adapter.ts";
import { sleep } from "./lines.ts";
import { random, seedExperts, syntheticExperts } from "./synthetic.ts";
import { completeRequestTexts } from "./traffic.ts";
import type { Workspace } from "./workspace.ts";

export interface BenchApp {
  app: App;
  adapter: CountingAdapter;
}

export async function startBenchApp(ws: Workspace, experts: number): Promise<BenchApp> {
  const adapter = new CountingAdapter();
  const app = await startApp({
    config: ws.config,
    log: createLog("silent"),
    adapters: [adapter],
    dataDir: ws.dir,
    startAdapters: false,
  });
  await seedExperts(app.services.db, syntheticExperts(experts, random(experts)));
  await settleRoster();
  return { app, adapter };
}

/**
 * Waits out the ranker's look-back (2 s): a roster written just before the index is built is seen as
 * "changed" at the next sync, and reloading 1,000 changed experts at once exceeds the database's query
 * parameter limit (a finding of this suite: every match job then fails until the hourly rebuild).
 */
export async function settleRoster(): Promise<void> {
  await sleep(2500);
}

/**
 * Writes `count` open help requests, each as the intake handler stores a complete request from the
 * labelled corpus, in one enterprise group chat. Returns their ids.
 */
export async function seedRequests(db: Db, count: number): Promise<number[]> {
  const chat = await db.chat.create({
    data: { platform: "terminal", externalId: "bench-企业群", kind: "group", title: "bench-企业群" },
  });
  const person = await db.person.create({ data: { displayName: "bench-企业联系人", role: "enterprise" } });
  await db.identity.create({
    data: {
      platform: "terminal",
      externalId: person.displayName,
      displayName: person.displayName,
      personId: person.id,
    },
  });
  const texts = completeRequestTexts();
  const now = new Date();
  const base = (await db.helpRequest.count()) + 1;
  await db.helpRequest.createMany({
    data: Array.from({ length: count }, (_, i) => {
      const text = texts[i % texts.length] as string;
      const parsed = understand(text, { now }).request;
      if (!parsed) throw new Error(`not a request: ${text}`);
      return {
        code: `B-${base + i}`,
        chatId: chat.id,
        requesterId: person.id,
        text,
        status: "open",
        ...storedFields(parsed),
        confirmedAt: now,
      };
    }),
  });
  const rows = await db.helpRequest.findMany({
    where: { code: { startsWith: "B-" } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => row.id).slice(-count);
}
