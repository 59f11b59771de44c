// Imports a roster file staff sent in a chat, then posts the report back to that chat. A roster of
// 10,000 rows takes seconds, so the handler only says it got the file and this job does the work.
// The import is one transaction: a file that cannot be read, or a run that fails, changes nothing.
import { rm } from "node:fs/promises";
import type { Job } from "bullmq";
import { isLocale } from "../core/i18n.ts";
import type { Enqueue } from "../core/ports.ts";
import { RosterError, readRosterFile } from "../core/roster/read-roster-file.ts";
import type { RosterErrorCode } from "../core/roster/roster-error.ts";
import { type RosterReport, rosterReportLines } from "../core/roster/roster-report.ts";
import { importRoster } from "../prisma/roster/import-roster.ts";
import type { JobDefinition, QueueModule } from "./job-system.ts";
import { type Services, sendToChat, translate } from "./services.ts";

export const rosterImportQueue = "roster-import";

export interface RosterImportPayload {
  uploadId: string;
}

declare module "../core/ports.ts" {
  interface Jobs {
    "roster-import": RosterImportPayload;
  }
}

/** What came of an upload, as stored on its row and reported in the chat. */
export type RosterOutcome =
  | { kind: "imported"; report: RosterReport }
  | { kind: "unreadable"; code: RosterErrorCode; detail: string }
  | { kind: "failed" };

/** Rows of each kind listed in the chat; the rest are counted in one line. */
const listedRows = 5;
/** A parser's message can be long; the chat gets its start. */
const detailMax = 160;

/** Queues the import of an upload. The upload row is unique per platform message, and so is the job id. */
export async function enqueueRosterImport(enqueue: Enqueue, uploadId: string): Promise<void> {
  await enqueue("roster-import", { uploadId });
}

/** Queues again every upload still waiting (Redis may have restarted empty). */
export async function resumeRosterImports(services: Services): Promise<void> {
  const pending = await services.db.rosterUpload.findMany({ where: { status: "pending" }, select: { id: true } });
  for (const upload of pending) await enqueueRosterImport(services.enqueue, upload.id);
}

async function importFile(services: Services, file: string): Promise<RosterOutcome> {
  try {
    const read = await readRosterFile(file);
    const counts = await importRoster(services.db, read.rows);
    return { kind: "imported", report: { ...counts, rejected: read.rejected, warnings: read.warnings } };
  } catch (error) {
    if (!(error instanceof RosterError)) throw error;
    return { kind: "unreadable", code: error.code, detail: (error.detail ?? "").slice(0, detailMax) };
  }
}

/**
 * Imports one upload and reports it. Run again (a retry, a worker that died, a second delivery), it
 * imports nothing twice: a finished upload only has its stored report sent, which the outbox sends once.
 */
export async function runRosterImport(services: Services, uploadId: string, lastAttempt = true): Promise<string> {
  const { db, log } = services;
  let upload = await db.rosterUpload.findUnique({ where: { id: uploadId } });
  if (!upload) return "missing";
  if (upload.status === "pending") {
    let outcome: RosterOutcome;
    try {
      outcome = await importFile(services, upload.path);
    } catch (error) {
      // Retried with backoff (a busy database); only the last attempt gives up and says so.
      if (!lastAttempt) throw error;
      log.error({ err: String(error), uploadId }, "Roster import failed");
      outcome = { kind: "failed" };
    }
    upload = await db.rosterUpload.update({
      where: { id: uploadId },
      data: {
        status: outcome.kind === "imported" ? "done" : "failed",
        result: JSON.stringify(outcome),
        finishedAt: new Date(),
      },
    });
    // The roster holds phone numbers: the file goes once its content is in the database.
    await rm(upload.path, { force: true });
  }
  const outcome = JSON.parse(upload.result ?? '{"kind":"failed"}') as RosterOutcome;
  const chat = await db.chat.findUnique({ where: { id: upload.chatId }, select: { kind: true } });
  const t = translate(services, isLocale(upload.locale) ? upload.locale : services.config.DEFAULT_LOCALE);
  const file = upload.fileName;
  let text: string;
  if (outcome.kind === "imported") {
    text = rosterReportLines(t, outcome.report, { limit: listedRows, hidePhones: chat?.kind !== "direct" }).join("\n");
  } else if (outcome.kind === "unreadable") {
    text = `${t(`roster.errors.${outcome.code}`, { file, detail: outcome.detail })} ${t("roster.upload.send_again")}`;
  } else {
    text = t("roster.upload.failed", { file });
  }
  await sendToChat(services, {
    chatId: upload.chatId,
    key: `roster-import-${upload.id}`,
    message: { kind: "text", text },
  });
  return upload.status;
}

export function rosterImportJob(services: Services): JobDefinition<RosterImportPayload> {
  return {
    queue: rosterImportQueue,
    // One import at a time: each is a large write transaction on the same table.
    concurrency: 1,
    process: ({ uploadId }, job: Job<RosterImportPayload>) =>
      runRosterImport(services, uploadId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1)),
  };
}

/** Registry entry (jobs/registry.ts): uploads still waiting are queued again. */
export const rosterImport: QueueModule<"roster-import"> = {
  jobId: ({ uploadId }) => `roster-import-${uploadId}`,
  workers: ({ services }) => [rosterImportJob(services)],
  resume: ({ services }) => resumeRosterImports(services),
};
