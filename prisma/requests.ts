// Help requests and their timeline (RequestEvent): every read and write of those tables. The status
// column is a string; rows leave here with it parsed into RequestStatus. The statements of the hot path
// (a new request, a match run, an offer) are plain SQL on the synchronous connection (direct-sql.ts).
import type { RequestFields } from "../core/request-format.ts";
import { finishedRequestStatuses, type MatchStatus, type RequestStatus, requestStatus } from "../core/statuses.ts";
import { type Db, directSql } from "./client.ts";
import { newId, type SqlValue, type SqlWriter, sqlDate } from "./direct-sql.ts";
import type { HelpRequest } from "./generated/client.ts";

/** The understood fields of a request as the row stores them (the request-format's fields, plus kind and urgency). */
type StoredFields = Omit<RequestFields, "code" | "text"> & { kind: string | null; urgency: string | null };

export type StoredRequest = Omit<HelpRequest, "status"> & { status: RequestStatus };

/** One row of the timeline: who did what to a request ("system" or a person id). */
export interface TimelineEntry {
  actor: string;
  type: string;
  detail?: unknown;
}

function parsed<R extends { status: string }>(row: R): Omit<R, "status"> & { status: RequestStatus } {
  return { ...row, status: requestStatus(row.status) };
}

function detailJson(detail: unknown): string {
  return detail === undefined ? "{}" : JSON.stringify(detail);
}

export async function findRequest(db: Db, id: number): Promise<StoredRequest | null> {
  const row = await db.helpRequest.findUnique({ where: { id } });
  return row && parsed(row);
}

export async function findRequestByCode(db: Db, code: string): Promise<StoredRequest | null> {
  const row = await db.helpRequest.findUnique({ where: { code } });
  return row && parsed(row);
}

/** The speaker's latest request in a chat that is not finished yet. */
export async function latestOpenRequest(db: Db, chatId: string, requesterId: string): Promise<StoredRequest | null> {
  const row = await db.helpRequest.findFirst({
    where: { chatId, requesterId, status: { notIn: [...finishedRequestStatuses] } },
    orderBy: { id: "desc" },
  });
  return row && parsed(row);
}

/** What a new request stores (the columns from the bot's understanding, plus who and where). */
export interface NewRequest {
  /** A placeholder code unique per platform message, replaced by R-NNNN once the id is known. */
  placeholderCode: string;
  chatId: string;
  requesterId: string;
  text: string;
  status: Extract<RequestStatus, "draft" | "open">;
  fields: StoredFields;
  locale: string;
  waitReason: string | null;
  /** The enterprise's phone number given in the request. */
  contact: string | null;
  /** The question asked about a draft, and until when it waits. */
  question: { topic: string; expiresAt: Date } | null;
  codeOf: (id: number) => string;
}

// Runs for every help request that arrives: one plain-SQL transaction.
export function insertRequest(db: Db, request: NewRequest): Promise<{ id: number; code: string }> {
  return directSql(db).write((sql) => {
    const now = sqlDate(new Date());
    const { fields } = request;
    const created = sql.run(
      `INSERT INTO HelpRequest (code, chatId, requesterId, text, status, skills, teamKey, city, district, mode,
         windowStart, windowEnd, kind, urgency, locale, waitReason, teamSize, createdAt, updatedAt, confirmedAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
      request.placeholderCode,
      request.chatId,
      request.requesterId,
      request.text,
      request.status,
      fields.skills,
      fields.teamKey,
      fields.city,
      fields.district,
      fields.mode,
      fields.windowStart,
      fields.windowEnd,
      fields.kind,
      fields.urgency,
      request.locale,
      request.waitReason,
      now,
      now,
      request.status === "draft" ? null : now,
    );
    const id = created.lastInsertRowid;
    const code = request.codeOf(id);
    sql.run("UPDATE HelpRequest SET code = ? WHERE id = ?", code, id);
    sql.run(
      `INSERT INTO RequestEvent (id, requestId, actor, type, detail, createdAt) VALUES (?, ?, ?, 'created', '{}', ?)`,
      newId(),
      id,
      request.requesterId,
      now,
    );
    if (request.contact) sql.run("UPDATE Person SET phone = ? WHERE id = ?", request.contact, request.requesterId);
    if (request.question) {
      sql.run(
        `INSERT INTO PendingQuestion (id, chatId, personId, topic, requestId, createdAt, expiresAt)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (chatId, personId) DO UPDATE
           SET topic = excluded.topic, requestId = excluded.requestId, expiresAt = excluded.expiresAt`,
        newId(),
        request.chatId,
        request.requesterId,
        request.question.topic,
        id,
        now,
        sqlDate(request.question.expiresAt),
      );
    }
    return { id, code };
  });
}

/** The request as the ranker reads it. */
export interface RequestForMatching extends StoredFields {
  status: RequestStatus;
  text: string;
  teamSize: number;
  /** Experts already considered in earlier runs. */
  earlierExperts: string[];
}

export function requestForMatching(db: Db, requestId: number): RequestForMatching | null {
  const sql = directSql(db);
  const row = sql.get<Omit<RequestForMatching, "status" | "earlierExperts"> & { status: string }>(
    `SELECT status, text, skills, teamKey, city, district, mode, windowStart, windowEnd, kind, urgency, teamSize
     FROM HelpRequest WHERE id = ?`,
    requestId,
  );
  if (!row) return null;
  const earlier = sql.all<{ expertId: string }>("SELECT expertId FROM Match WHERE requestId = ?", requestId);
  return { ...parsed(row), earlierExperts: earlier.map((match) => match.expertId) };
}

/** The skills of experts as written in the roster (JSON lists), by expert id. */
export function expertSkillLists(db: Db, ids: string[]): { id: string; skills: string }[] {
  if (ids.length === 0) return [];
  return directSql(db).all<{ id: string; skills: string }>(
    `SELECT id, skills FROM Expert WHERE id IN (${ids.map(() => "?").join(", ")})`,
    ...ids,
  );
}

/** Candidates of a match run, ranked after those of earlier runs. */
export interface NewCandidate {
  expertId: string;
  score: number;
  reasons: unknown;
  role: string | null;
}

/** Stores a match run's candidates, moves the request to `matching` and writes the timeline row, at once. */
export function insertCandidates(
  db: Db,
  input: { requestId: number; offset: number; candidates: NewCandidate[]; teamSize: number; event: TimelineEntry },
): Promise<void> {
  const status: RequestStatus = "matching";
  const candidate: MatchStatus = "candidate";
  return directSql(db).write((tx) => {
    const now = sqlDate(new Date());
    for (const [index, match] of input.candidates.entries()) {
      tx.run(
        `INSERT INTO Match (id, requestId, expertId, rank, score, reasons, status, assignedBy, role, createdAt, updatedAt)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'system', ?, ?, ?)`,
        newId(),
        input.requestId,
        match.expertId,
        input.offset + index + 1,
        match.score,
        JSON.stringify(match.reasons),
        candidate,
        match.role,
        now,
        now,
      );
    }
    tx.run(
      "UPDATE HelpRequest SET status = ?, teamSize = ?, updatedAt = ? WHERE id = ?",
      status,
      input.teamSize,
      now,
      input.requestId,
    );
    tx.run(
      "INSERT INTO RequestEvent (id, requestId, actor, type, detail, createdAt) VALUES (?, ?, ?, ?, ?, ?)",
      newId(),
      input.requestId,
      input.event.actor,
      input.event.type,
      detailJson(input.event.detail),
      now,
    );
  });
}

/** An offer card went out: the request waits on the expert's answer. */
export function recordOfferMade(db: Db, requestId: number, event: TimelineEntry): Promise<void> {
  const status: RequestStatus = "offered";
  return directSql(db).write((tx) => {
    const now = sqlDate(new Date());
    tx.run(
      "UPDATE HelpRequest SET status = ?, waitReason = 'offer_unanswered', updatedAt = ? WHERE id = ?",
      status,
      now,
      requestId,
    );
    tx.run(
      "INSERT INTO RequestEvent (id, requestId, actor, type, detail, createdAt) VALUES (?, ?, ?, ?, ?, ?)",
      newId(),
      requestId,
      event.actor,
      event.type,
      detailJson(event.detail),
      now,
    );
  });
}

/** Columns a transition may set besides the status. */
export type RequestChanges = Partial<
  Pick<
    HelpRequest,
    | "waitReason"
    | "closedAt"
    | "confirmedAt"
    | "text"
    | "skills"
    | "teamKey"
    | "city"
    | "district"
    | "mode"
    | "windowStart"
    | "windowEnd"
    | "kind"
    | "urgency"
  >
>;

/**
 * Moves a request to `to` (only from one of `from`, when given) and writes its timeline row in one
 * transaction. `dropMatches` deletes matches of those statuses (unused candidates), `question` settles
 * the pending question about it. Returns false when the request was not in `from`.
 */
export function transitionRequest(
  db: Db,
  change: {
    id: number;
    from?: readonly RequestStatus[];
    to: RequestStatus;
    set?: RequestChanges;
    event: TimelineEntry;
    dropMatches?: readonly MatchStatus[];
    question?: "drop" | { topic: string };
  },
): Promise<boolean> {
  // One synchronous transaction on the plain-SQL connection: nothing else in this process interleaves,
  // and the offer path (which runs it) never waits on a Prisma interactive transaction.
  return directSql(db).write((tx) => {
    const now = sqlDate(new Date());
    const moved = updateWhere(tx, "HelpRequest", change.id, change.from, { ...change.set, status: change.to }, now);
    if (!moved) return false;
    insertEvent(tx, change.id, change.event, now);
    if (change.dropMatches?.length) {
      tx.run(
        `DELETE FROM Match WHERE requestId = ? AND status IN (${change.dropMatches.map(() => "?").join(", ")})`,
        change.id,
        ...change.dropMatches,
      );
    }
    if (change.question === "drop") tx.run("DELETE FROM PendingQuestion WHERE requestId = ?", change.id);
    else if (change.question) {
      tx.run("UPDATE PendingQuestion SET topic = ? WHERE requestId = ?", change.question.topic, change.id);
    }
    return true;
  });
}

/** A column value as the driver takes it (dates as Prisma stores them). */
function sqlValue(value: unknown): SqlValue {
  if (value instanceof Date) return sqlDate(value);
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number") return value;
  return String(value);
}

/**
 * `UPDATE table SET … WHERE id = ? [AND status IN (from)]`; the column names come from the typed
 * change objects of this folder, never from input. Returns whether the row moved.
 */
export function updateWhere(
  tx: SqlWriter,
  table: "HelpRequest" | "Match",
  id: number | string,
  from: readonly string[] | undefined,
  columns: Record<string, unknown>,
  now: string,
): boolean {
  const names = Object.keys(columns).filter((name) => columns[name] !== undefined);
  const assignments = [...names.map((name) => `"${name}" = ?`), `"updatedAt" = ?`].join(", ");
  const statusIn = from ? ` AND status IN (${from.map(() => "?").join(", ")})` : "";
  const result = tx.run(
    `UPDATE "${table}" SET ${assignments} WHERE id = ?${statusIn}`,
    ...names.map((name) => sqlValue(columns[name])),
    now,
    id,
    ...(from ?? []),
  );
  return result.changes > 0;
}

export function insertEvent(tx: SqlWriter, requestId: number, event: TimelineEntry, now: string): void {
  tx.run(
    "INSERT INTO RequestEvent (id, requestId, actor, type, detail, createdAt) VALUES (?, ?, ?, ?, ?, ?)",
    newId(),
    requestId,
    event.actor,
    event.type,
    detailJson(event.detail),
    now,
  );
}

/** How many timeline rows of a type a request has (a correction's run number). */
export function countEvents(db: Db, requestId: number, type: string): Promise<number> {
  return db.requestEvent.count({ where: { requestId, type } });
}

/** A question the bot asked a person in a chat and waits for. */
export interface PendingQuestion {
  id: string;
  topic: string;
  requestId: number | null;
  expiresAt: string;
}

// Asked for every message that could answer a question: a plain prepared statement.
export function pendingQuestion(db: Db, chatId: string, personId: string): PendingQuestion | undefined {
  return directSql(db).get<PendingQuestion>(
    "SELECT id, topic, requestId, expiresAt FROM PendingQuestion WHERE chatId = ? AND personId = ?",
    chatId,
    personId,
  );
}

export async function dropPendingQuestion(db: Db, id: string): Promise<void> {
  await db.pendingQuestion.deleteMany({ where: { id } });
}

/** Staff and admins: told when a request has nobody left to ask. */
export function staffToAlert(db: Db): Promise<{ id: string }[]> {
  return db.person.findMany({ where: { role: { in: ["staff", "admin"] } }, select: { id: true } });
}

/** A timeline row that changes no status ("later", an answer to a question). */
export async function addEvent(db: Db, requestId: number, event: TimelineEntry): Promise<void> {
  await db.requestEvent.create({
    data: { requestId, actor: event.actor, type: event.type, detail: detailJson(event.detail) },
  });
}
