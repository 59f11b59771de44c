// Batch matching (contract 2): every request line ranked against a roster file in a throwaway database,
// or against a configured database. Returns the output lines; the CLI prints them.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { keyIn, type Translate } from "../../core/i18n.ts";
import { readRosterFile } from "../../core/roster/read-roster-file.ts";
import type { RosterRejection } from "../../core/roster/roster-types.ts";
import { closeDatabase, openDatabase } from "../../prisma/client.ts";
import { expertProfilePages } from "../../prisma/expert-profiles.ts";
import { importRoster } from "../../prisma/roster/import-roster.ts";
import { ExpertIndex } from "./expert-index.ts";
import { rankExperts } from "./rank.ts";
import { requestFromText } from "./request-from-text.ts";

export interface BatchMatchOptions {
  /** Roster file (CSV/XLSX), or several read as one roster; when absent, `database` is read instead. */
  experts?: string | readonly string[];
  database?: string;
  requests: string;
  top: number;
  now: Date;
  /** Renders reasons, normally in zh-CN. */
  t: Translate;
}

export interface BatchLine {
  id: string;
  experts: { id: string; score: number; reasons: string[] }[];
}

export interface BatchResult {
  lines: BatchLine[];
  rejected: RosterRejection[];
  /** Request lines that were not `{"id","text"}` JSON, by 1-based line number. */
  badLines: number[];
}

async function indexFromRoster(
  files: readonly string[],
  now: Date,
): Promise<{ index: ExpertIndex; rejected: RosterRejection[] }> {
  const reads = await Promise.all(files.map((file) => readRosterFile(file)));
  const read = { rows: reads.flatMap((r) => r.rows), rejected: reads.flatMap((r) => r.rejected) };
  const dir = await mkdtemp(path.join(tmpdir(), "craftbridge-match-"));
  try {
    const db = await openDatabase(`file:${path.join(dir, "match.db")}`);
    try {
      await importRoster(db, read.rows);
      return { index: await ExpertIndex.fromPages(expertProfilePages(db, now)), rejected: read.rejected };
    } finally {
      await closeDatabase(db);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function indexFromDatabase(url: string, now: Date): Promise<ExpertIndex> {
  const db = await openDatabase(url);
  try {
    return await ExpertIndex.fromPages(expertProfilePages(db, now));
  } finally {
    await closeDatabase(db);
  }
}

function parseLine(line: string): { id: string; text: string } | null {
  try {
    const value: unknown = JSON.parse(line);
    if (value && typeof value === "object" && "id" in value && "text" in value) {
      const { id, text } = value as { id: unknown; text: unknown };
      if ((typeof id === "string" || typeof id === "number") && typeof text === "string") {
        return { id: String(id), text };
      }
    }
  } catch {
    // Reported as a bad line below.
  }
  return null;
}

export async function runBatchMatch(options: BatchMatchOptions): Promise<BatchResult> {
  let index: ExpertIndex;
  let rejected: RosterRejection[] = [];
  if (options.experts) {
    const files = typeof options.experts === "string" ? [options.experts] : options.experts;
    ({ index, rejected } = await indexFromRoster(files, options.now));
  } else if (options.database) {
    index = await indexFromDatabase(options.database, options.now);
  } else {
    throw new Error("runBatchMatch needs a roster file or a database URL");
  }
  const lines: BatchLine[] = [];
  const badLines: number[] = [];
  const text = await readFile(options.requests, "utf8");
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === "") return;
    const parsed = parseLine(raw);
    if (!parsed) {
      badLines.push(i + 1);
      return;
    }
    const request = requestFromText(parsed.text, options.now);
    const ranked = rankExperts(index, { request, text: parsed.text, top: options.top, now: options.now });
    lines.push({
      id: parsed.id,
      experts: ranked.map((expert) => ({
        id: expert.externalId,
        score: expert.score,
        reasons: expert.reasons.map((reason) => options.t(keyIn("reasons", reason.key), reason.params)),
      })),
    });
  });
  return { lines, rejected, badLines };
}
