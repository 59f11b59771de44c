// Imports a roster file staff sent in a chat, then posts the report back to that chat. A roster of
// 10,000 rows takes seconds, so the handler only says it got the file and this job does the work.
// The import is one transaction: a file that cannot be read, or a run that fails, changes nothing.
import { rm } from "node:fs/promises";
import type { Job } from "bullmq";
import { isLocale } from "../core/i18n.ts";
import type { Enqueue } from "../core/ports.ts";
import { RosterError } from "../core/roster/read-roster-file.ts";
import { readRosterOffThread } from "../core/roster/read-roster-off-thread.ts";
import type { RosterErrorCode } from "../core/roster/roster-error.ts";
import { type RosterReport, rosterReportLines } from "../core/roster/roster-report.ts";
import { chatKind } from "../prisma/chats-repository.ts";
import { importRoster } from "../prisma/roster/import-roster.ts";
import {
  findRosterUpload,
  finishRosterUpload,
  markRosterImporting,
  unfinishedRosterUploads,
} from "../prisma/roster-uploads.ts";
import type { JobDefinition, QueueModule } from "./job-system.ts";
import { type Services, sendToChat, translate } from "./services.ts";

export const rosterImportQueue = "roster-import";

export interface RosterImportPayload {
  uploadId: string;
  /** Runs already started and not finished (a process died): the resumed job gets an id of its own. */
  run?: number;
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
/**
 * Runs of one import that may start: a process that dies while importing (killed for memory, say)
 * leaves the upload `importing`; the next start tries once more, then gives up and tells the sender.
 */
const maxRuns = 3;

/** Queues the import of an upload. The upload row is unique per platform message, and so is the job id. */
export async function enqueueRosterImport(enqueue: Enqueue, uploadId: string): Promise<void> {
  await enqueue("roster-import", { uploadId });
}

/**
 * Queues again every upload still waiting (Redis may have restarted empty), or left `importing` by a
 * process that died (its job may have failed as stalled, so it gets a job id of its own).
 */
export async function resumeRosterImports(services: Services): Promise<void> {
  const waiting = await unfinishedRosterUploads(services.db);
  for (const upload of waiting) {
    const run = upload.status === "importing" ? runsOf(upload.result) : 0;
    await services.enqueue("roster-import", { uploadId: upload.id, ...(run ? { run } : {}) });
  }
}

/** How many runs of an import have started, as kept on its row while it is `importing`. */
function runsOf(result: string | null): number {
  try {
    return Number((JSON.parse(result ?? "{}") as { runs?: unknown }).runs) || 0;
  } catch {
    return 0;
  }
}

async function importFile(services: Services, file: string): Promise<RosterOutcome> {
  try {
    const { ROSTER_MAX_ROWS: maxRows, ROSTER_MAX_MEMORY_MB: maxMemoryMb } = services.config;
    const read = await readRosterOffThread(file, { maxRows, maxMemoryMb });
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
  let upload = await findRosterUpload(db, uploadId);
  if (!upload) return "missing";
  if (upload.status === "pending" || upload.status === "importing") {
    let outcome: RosterOutcome;
    const runs = (upload.status === "importing" ? runsOf(upload.result) : 0) + 1;
    try {
      if (runs > maxRuns) throw new Error(`import stopped ${maxRuns} times without finishing`);
      await markRosterImporting(db, uploadId, runs);
      outcome = await importFile(services, upload.path);
    } catch (error) {
      // Retried with backoff (a busy database); only the last attempt gives up and says so.
      if (!lastAttempt && runs <= maxRuns) throw error;
      log.error({ err: String(error), uploadId }, "Roster import failed");
      outcome = { kind: "failed" };
    }
    upload = await finishRosterUpload(db, uploadId, {
      status: outcome.kind === "imported" ? "done" : "failed",
      result: JSON.stringify(outcome),
    });
    // The roster holds phone numbers: the file goes once its content is in the database.
    await rm(upload.path, { force: true });
  }
  const outcome = JSON.parse(upload.result ?? '{"kind":"failed"}') as RosterOutcome;
  const kind = await chatKind(db, upload.chatId);
  const t = translate(services, isLocale(upload.locale) ? upload.locale : services.config.DEFAULT_LOCALE);
  const file = upload.fileName;
  let text: string;
  if (outcome.kind === "imported") {
    text = rosterReportLines(t, outcome.report, { limit: listedRows, hidePhones: kind !== "direct" }).join("\n");
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
  jobId: ({ uploadId, run }) => (run ? `roster-import-${uploadId}-run-${run}` : `roster-import-${uploadId}`),
  workers: ({ services }) => [rosterImportJob(services)],
  resume: ({ services }) => resumeRosterImports(services),
};
