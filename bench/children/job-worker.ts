// Child process of the scaling bench: the real job system (match, offer and deliver workers, the
// indexed ranker) on a shared SQLite file and queue prefix, delivering to a counting adapter. It
// reports every delivery to the parent over IPC and stops when told.
// Arguments: DATABASE_URL, REDIS_URL, QUEUE_PREFIX, job id namespace.
import { loadConfig } from "../../core/config.ts";
import { createLog } from "../../core/log.ts";
import { emptyRequest } from "../../handlers/request-intake.ts";
import { deliverJob } from "../../jobs/deliver.ts";
import { JobSystem } from "../../jobs/job-system.ts";
import { matchJob } from "../../jobs/match.ts";
import { offerJob } from "../../jobs/offer.ts";
import { createOutbox } from "../../jobs/outbox.ts";
import { createRanker } from "../../jobs/ranker.ts";
import { typedEnqueue } from "../../jobs/registry.ts";
import type { Services } from "../../jobs/services.ts";
import { openDatabase } from "../../prisma/client.ts";
import { CountingAdapter } from "../support/counting-adapter.ts";

const [databaseUrl = "", redisUrl = "", prefix = "", namespace = ""] = process.argv.slice(2);
const config = loadConfig({
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  QUEUE_PREFIX: prefix,
  LOG_LEVEL: "silent",
  MONTHLY_OFFER_CAP: "100000",
});
const log = createLog("silent");
const db = await openDatabase(databaseUrl, { migrate: false });
const jobs = new JobSystem(redisUrl, prefix, log, namespace);
const enqueue = typedEnqueue(jobs.add);
const services: Services = { db, config, log, send: createOutbox(db, enqueue), enqueue };
const ranker = createRanker(db);
// The index is built before the clock starts, as in a worker that has been running.
await ranker.rank({ request: emptyRequest(), text: "", top: 1, now: new Date() });
const adapter = new CountingAdapter();
adapter.onSend = () => process.send?.({ sent: 1 });
jobs.startWorker(matchJob(services, ranker));
jobs.startWorker(offerJob(services));
jobs.startWorker(deliverJob(db, adapter));
process.send?.({ ready: true });
process.on("message", async (message: { stop?: boolean }) => {
  if (!message.stop) return;
  await jobs.close();
  await db.$disconnect();
  process.exit(0);
});
