// Reads a roster file in a worker thread: parsing 200,000 rows, or unpacking an XLSX, takes seconds of
// CPU, which on the main thread would freeze the bot past Lark's 3 s and stop BullMQ renewing its locks.
// The worker's heap is capped: a file that unpacks to more than that kills the worker, not the bot,
// and is refused as too large.
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { RosterLimits } from "./read-roster-file.ts";
import { RosterError, type RosterErrorCode } from "./roster-error.ts";
import type { RosterReadResult } from "./roster-types.ts";

export interface OffThreadLimits extends RosterLimits {
  /** Heap the worker may use, in MB. */
  maxMemoryMb: number;
}

type Reply =
  | { ok: true; result: RosterReadResult }
  | { ok: false; code: RosterErrorCode; detail?: string }
  | { ok: false; message: string };

const workerFile = new URL(`./read-roster-worker${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url);

/** readRosterFile in a worker thread with a capped heap; RosterError("too_large") when the cap is hit. */
export function readRosterOffThread(file: string, limits: OffThreadLimits): Promise<RosterReadResult> {
  return new Promise((resolve, reject) => {
    const options = {
      workerData: { file, limits: { maxRows: limits.maxRows } },
      resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb },
    };
    // Run from source (tsx, tests), the worker registers the TypeScript loader before loading its file.
    const worker = workerFile.pathname.endsWith(".ts")
      ? new Worker(
          `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(workerFile.href)}); });`,
          { ...options, eval: true },
        )
      : new Worker(fileURLToPath(workerFile), options);
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
      void worker.terminate();
    };
    worker.once("message", (reply: Reply) =>
      settle(() => {
        if (reply.ok) resolve(reply.result);
        else if ("code" in reply) reject(new RosterError(reply.code, reply.detail));
        else reject(new Error(reply.message));
      }),
    );
    worker.once("error", (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new RosterError("too_large", `> ${limits.maxMemoryMb} MB`, { cause: error })
            : error,
        ),
      ),
    );
    worker.once("exit", (code) => settle(() => reject(new Error(`roster reader stopped (exit code ${code})`))));
  });
}
