// The worker thread behind readRosterOffThread: reads one roster file and posts the result back, or the
// RosterError that stopped it (as code and detail: class instances do not cross threads).
import { parentPort, workerData } from "node:worker_threads";
import { type RosterLimits, readRosterFile } from "./read-roster-file.ts";
import { RosterError } from "./roster-error.ts";

const { file, limits } = workerData as { file: string; limits: RosterLimits };
try {
  parentPort?.postMessage({ ok: true, result: await readRosterFile(file, limits) });
} catch (error) {
  parentPort?.postMessage(
    error instanceof RosterError
      ? { ok: false, code: error.code, detail: error.detail }
      : { ok: false, message: error instanceof Error ? error.message : String(error) },
  );
}
