// The inbound half of the app: database, queues and dispatcher, with no worker in the process, as a
// gateway process runs it. Used where a bench measures message intake alone.
import { createDispatcher, type Dispatch } from "../../bot/dispatcher.ts";
import { createLog } from "../../core/log.ts";
import { JobSystem } from "../../jobs/job-system.ts";
import { createOutbox } from "../../jobs/outbox.ts";
import { typedEnqueue } from "../../jobs/registry.ts";
import type { Services } from "../../jobs/services.ts";
import { closeDatabase, type Db, databaseToken, openDatabase } from "../../prisma/client.ts";
import { ensureServiceTeams } from "../../prisma/roster/import-roster.ts";
import type { Workspace } from "./workspace.ts";

export interface Gateway {
  db: Db;
  jobs: JobSystem;
  services: Services;
  dispatch: Dispatch;
  close(): Promise<void>;
}

export async function openGateway(ws: Workspace): Promise<Gateway> {
  const log = createLog("silent");
  const db = await openDatabase(ws.databaseUrl);
  await ensureServiceTeams(db);
  const jobs = new JobSystem(ws.redisUrl, ws.prefix, log, `${await databaseToken(db)}-`);
  const enqueue = typedEnqueue(jobs.add);
  const services: Services = { db, config: ws.config, log, send: createOutbox(db, enqueue), enqueue };
  return {
    db,
    jobs,
    services,
    dispatch: createDispatcher(services),
    close: async () => {
      await jobs.close();
      await closeDatabase(db);
    },
  };
}
