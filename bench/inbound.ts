// Inbound: terminal-shaped messages through the dispatcher to the stored request and the
// acknowledgement enqueued (outbox row + deliver job, and the match job), in a process with no worker.
// Reference, in the same run on the same SQLite file and Redis: the floor of that durable work — the
// same four rows written raw through the same libSQL driver in one transaction, and the same two jobs.
import { randomUUID } from "node:crypto";
import { createClient } from "@libsql/client";
import { matchQueue } from "../jobs/match.ts";
import { resolveSqliteUrl } from "../prisma/client.ts";
import { openGateway } from "./support/gateway.ts";
import { against, type BenchLine, percentile, round, target } from "./support/lines.ts";
import { type BenchPostgres, backendCpuMs } from "./support/postgres.ts";
import { closedLoop, completeRequestTexts, paced, terminalMessage } from "./support/traffic.ts";
import { createWorkspace } from "./support/workspace.ts";

export interface InboundOptions {
  redisUrl: string;
  smoke: boolean;
  /** Messages in flight at once in the sustained run (webhooks arrive concurrently). */
  inFlight?: number;
  /** A PostgreSQL server: the same sustained run on a fresh database there, beside SQLite's. */
  postgres?: BenchPostgres;
}

const senders = 200;
const chats = 40;

export async function runInboundBench(options: InboundOptions): Promise<BenchLine[]> {
  const { smoke } = options;
  const inFlight = options.inFlight ?? 32;
  const ws = createWorkspace(options.redisUrl, "inbound");
  const gateway = await openGateway(ws);
  try {
    const texts = completeRequestTexts();
    const botName = ws.config.BOT_NAME;
    const message = (i: number) =>
      terminalMessage(botName, `企业联系人${i % senders}`, `企业群${i % chats}`, texts[i % texts.length] as string);
    const send = (i: number) => gateway.dispatch(message(i));

    // Warm-up: every sender and chat exists afterwards (steady state), and the code paths are compiled.
    await closedLoop(smoke ? 40 : senders, 8, send);

    const sustainedCount = smoke ? 60 : 1500;
    const cpuBefore = process.cpuUsage();
    const seconds = await closedLoop(sustainedCount, inFlight, (i) => send(senders + i));
    const cpu = process.cpuUsage(cpuBefore);
    // CPU time per message does not move with other load on the machine the way messages/s does.
    const cpuMsPerMessage = (cpu.user + cpu.system) / 1000 / sustainedCount;
    const rate = sustainedCount / seconds;

    const pacedRate = 200;
    const pacedCount = smoke ? 40 : 1000;
    const latencies = await paced(pacedCount, pacedRate, (i) => send(senders + sustainedCount + i));

    // Every message must have ended in a stored request and an acknowledgement: check, do not assume.
    const total = (smoke ? 40 : senders) + sustainedCount + pacedCount;
    const stored = await gateway.db.helpRequest.count({ where: { status: "open" } });
    const acks = await gateway.db.outboundMessage.count();
    const matchJobs = await gateway.jobs.pendingCount();
    // A message the dispatcher could not record is logged and dropped (never thrown at the adapter): count them.
    const recorded = await gateway.db.inboundMessage.count({
      where: { NOT: { messageId: { startsWith: "content:" } } },
    });
    const failed = await gateway.db.inboundMessage.count({ where: { status: "failed" } });

    const floor = await rawFloor(ws.databaseUrl, gateway, smoke ? 60 : 1500, inFlight);
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    const context = { messages: sustainedCount, in_flight: inFlight, senders, chats, workers_in_process: 0 };
    const onPostgres = options.postgres
      ? await postgresThroughput(options.redisUrl, options.postgres, smoke, inFlight, rate)
      : [];
    return [
      ...onPostgres,
      {
        name: "inbound.throughput",
        value: Math.round(rate),
        unit: "messages/s",
        ...context,
        ...against("inbound.raw_floor", floor, rate),
        ...target(rate, { min: 1000 }),
        cpu_ms_per_message: round(cpuMsPerMessage, 2),
        verified: {
          messages: total,
          open_requests: stored,
          acknowledgements: acks,
          jobs_waiting: matchJobs,
          not_recorded: total - recorded,
          handler_failed: failed,
        },
      },
      {
        name: "inbound.raw_floor",
        value: Math.round(floor),
        unit: "messages/s",
        messages: smoke ? 60 : 1500,
        in_flight: inFlight,
        work: "4 rows in one transaction (libSQL) + 2 BullMQ adds per message",
      },
      { name: "inbound.p50_at_200", value: round(p50), unit: "ms", messages: pacedCount, rate: pacedRate },
      {
        name: "inbound.p99_at_200",
        value: round(p99),
        unit: "ms",
        messages: pacedCount,
        rate: pacedRate,
        max: round(Math.max(...latencies)),
        ...target(p99, { max: 50 }),
      },
    ];
  } finally {
    await gateway.close();
    await ws.cleanup();
  }
}

/** Messages/s of the bare durable work of one message, with the same driver, file, Redis and concurrency. */
async function rawFloor(
  databaseUrl: string,
  gateway: Awaited<ReturnType<typeof openGateway>>,
  count: number,
  inFlight: number,
): Promise<number> {
  const chat = await gateway.db.chat.findFirstOrThrow();
  const person = await gateway.db.person.findFirstOrThrow();
  const client = createClient({ url: resolveSqliteUrl(databaseUrl) });
  await client.execute("PRAGMA busy_timeout = 5000");
  await client.execute("PRAGMA synchronous = NORMAL");
  const now = () => new Date().toISOString();
  try {
    const seconds = await closedLoop(count, inFlight, async (i) => {
      const key = `raw-${i}-${randomUUID().slice(0, 8)}`;
      await client.batch(
        [
          {
            sql: `INSERT INTO InboundMessage (id, platform, messageId, chatId, senderId, receivedAt) VALUES (?, 'terminal', ?, ?, ?, ?)`,
            args: [randomUUID(), key, chat.externalId, person.id, now()],
          },
          {
            sql: `INSERT INTO HelpRequest (code, chatId, requesterId, text, status, updatedAt) VALUES (?, ?, ?, ?, 'open', ?)`,
            args: [key, chat.id, person.id, "数控加工薄壁件变形，东莞，现场", now()],
          },
          {
            sql: `INSERT INTO RequestEvent (id, requestId, actor, type) VALUES (?, last_insert_rowid(), ?, 'created')`,
            args: [randomUUID(), person.id],
          },
          {
            sql: `INSERT INTO OutboundMessage (id, key, platform, targetKind, targetId, payload) VALUES (?, ?, 'terminal', 'chat', ?, ?)`,
            args: [randomUUID(), key, chat.externalId, JSON.stringify({ kind: "text", text: "已登记需求" })],
          },
        ],
        "write",
      );
      await gateway.jobs.add("deliver-terminal", { outboxId: key }, { jobId: `raw-out-${key}` });
      await gateway.jobs.add(matchQueue, { requestId: i }, { jobId: `raw-match-${key}` });
    });
    return count / seconds;
  } finally {
    client.close();
  }
}

/** The sustained run of runInboundBench on a fresh PostgreSQL database, against SQLite's rate in this run. */
async function postgresThroughput(
  redisUrl: string,
  postgres: BenchPostgres,
  smoke: boolean,
  inFlight: number,
  sqliteRate: number,
): Promise<BenchLine[]> {
  const database = await postgres.freshDatabase("inbound");
  const ws = createWorkspace(redisUrl, "inbound-postgres", { DATABASE_URL: database.url });
  const gateway = await openGateway(ws);
  try {
    const texts = completeRequestTexts();
    const send = (i: number) =>
      gateway.dispatch(
        terminalMessage(
          ws.config.BOT_NAME,
          `企业联系人${i % senders}`,
          `企业群${i % chats}`,
          texts[i % texts.length] as string,
        ),
      );
    await closedLoop(smoke ? 40 : senders, 8, send);
    const count = smoke ? 60 : 1500;
    const cpuBefore = process.cpuUsage();
    const serverBefore = await backendCpuMs(database.url);
    const seconds = await closedLoop(count, inFlight, (i) => send(senders + i));
    const rate = count / seconds;
    const cpu = process.cpuUsage(cpuBefore);
    const serverAfter = await backendCpuMs(database.url);
    const cpuMsPerMessage = (cpu.user + cpu.system) / 1000 / count;
    const serverMsPerMessage =
      serverBefore !== null && serverAfter !== null ? (serverAfter - serverBefore) / count : null;
    const stored = await gateway.db.helpRequest.count({ where: { status: "open" } });
    return [
      {
        name: "inbound.postgres.throughput",
        value: Math.round(rate),
        unit: "messages/s",
        messages: count,
        in_flight: inFlight,
        senders,
        chats,
        ...against("inbound.throughput", sqliteRate, rate),
        ...target(rate, { min: 1000 }),
        cpu_ms_per_message: round(cpuMsPerMessage, 2),
        // The local server's backends for this database: with the gateway's own CPU, what a message costs.
        server_cpu_ms_per_message: serverMsPerMessage === null ? null : round(serverMsPerMessage, 2),
        verified: { messages: (smoke ? 40 : senders) + count, open_requests: stored },
      },
    ];
  } finally {
    await gateway.close();
    await ws.cleanup();
    await database.drop();
  }
}
