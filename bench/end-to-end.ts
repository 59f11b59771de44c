// End to end: a help-request message (terminal-shaped, through the dispatcher) to the first offer
// card handed to the adapter, through the real queues and workers in one process, at a paced rate.
// The acknowledgement's arrival at the adapter is reported beside it.
import { seedRequests, startBenchApp } from "./support/bench-app.ts";
import { type BenchLine, percentile, round, target, waitUntil } from "./support/lines.ts";
import type { BenchPostgres } from "./support/postgres.ts";
import { completeRequestTexts, paced, terminalMessage } from "./support/traffic.ts";
import { createWorkspace, type Workspace } from "./support/workspace.ts";

const codeIn = (text: string) => /R-\d+/.exec(text)?.[0] ?? null;

export async function runEndToEndBench(options: {
  redisUrl: string;
  smoke: boolean;
  postgres?: BenchPostgres | undefined;
}): Promise<BenchLine[]> {
  const ws = createWorkspace(options.redisUrl, "e2e");
  try {
    const lines = await firstOffers(ws, options.smoke, "e2e");
    if (!options.postgres) return lines;
    const database = await options.postgres.freshDatabase("e2e");
    const pg = createWorkspace(options.redisUrl, "e2e-postgres", { DATABASE_URL: database.url });
    try {
      return [...lines, ...(await firstOffers(pg, options.smoke, "e2e.postgres"))];
    } finally {
      await pg.cleanup();
      await database.drop();
    }
  } finally {
    await ws.cleanup();
  }
}

/** Paced help requests through the dispatcher to their first offer card, on the workspace's database. */
async function firstOffers(ws: Workspace, smoke: boolean, prefix: string): Promise<BenchLine[]> {
  const experts = smoke ? 200 : 1000;
  const { app, adapter } = await startBenchApp(ws, experts);
  try {
    // Offers are matched to messages by request code: the acknowledgement carries the message id in its
    // outbox key and the code in its text, the offer card carries the code.
    const ackAt = new Map<string, number>();
    const codeOfMessage = new Map<string, string>();
    const offerAt = new Map<string, number>();
    adapter.onSend = ({ key, message, at }) => {
      const text =
        message.kind === "image" ? "" : `${message.kind === "card" ? (message.title ?? "") : ""} ${message.text}`;
      const code = codeIn(text);
      if (!code) return;
      const ack = /^in-terminal-(.+)-0$/.exec(key);
      if (ack?.[1]) {
        codeOfMessage.set(ack[1], code);
        ackAt.set(code, at);
      } else if (message.kind === "card" && key.startsWith("offer-") && !offerAt.has(code)) offerAt.set(code, at);
    };
    // Warm-up through the job path (the ranker builds its index on the first match), not measured.
    const warm = await seedRequests(app.services.db, smoke ? 3 : 10);
    for (const id of warm) await app.services.enqueue("match", { requestId: id, run: "warm" });
    await waitUntil(() => adapter.sent.length >= warm.length, 60_000);

    const texts = completeRequestTexts();
    const rate = 50;
    const count = smoke ? 15 : 250;
    const dueOf = new Map<string, number>();
    await paced(count, rate, async (i, due) => {
      const message = terminalMessage(
        ws.config.BOT_NAME,
        `企业联系人${i % 100}`,
        `企业群${i % 25}`,
        texts[i % texts.length] as string,
      );
      dueOf.set(message.messageId, due);
      await app.dispatch(message);
    });
    const drained = await waitUntil(() => offerAt.size >= count, smoke ? 60_000 : 180_000, 20);
    const offers: number[] = [];
    const acks: number[] = [];
    for (const [messageId, due] of dueOf) {
      const code = codeOfMessage.get(messageId);
      const offered = code ? offerAt.get(code) : undefined;
      const acked = code ? ackAt.get(code) : undefined;
      if (offered !== undefined) offers.push(offered - due);
      if (acked !== undefined) acks.push(acked - due);
    }
    const context = { requests: count, rate, experts, offers_seen: offers.length, drained };
    const p50 = percentile(offers, 50);
    const p99 = percentile(offers, 99);
    return [
      { name: `${prefix}.offer_p50_at_50`, value: round(p50), unit: "ms", ...context, ...target(p50, { max: 100 }) },
      {
        name: `${prefix}.offer_p99_at_50`,
        value: round(p99),
        unit: "ms",
        ...context,
        max: round(Math.max(...offers)),
        ...target(p99, { max: 300 }),
      },
      { name: `${prefix}.ack_p50_at_50`, value: round(percentile(acks, 50)), unit: "ms", requests: count, rate },
      { name: `${prefix}.ack_p99_at_50`, value: round(percentile(acks, 99)), unit: "ms", requests: count, rate },
    ];
  } finally {
    await app.jobs.obliterate();
    await app.stop();
  }
}
