// Help requests and their timeline (RequestEvent): every read and write of those tables. The status
// column is a string; rows leave here with it parsed into RequestStatus. The statements of the hot path
// (a new request, a match run, an offer) are typed plain SQL (prisma/sql/).
import type { RequestFields } from "../core/request-format.ts";
import { finishedRequestStatuses, type MatchStatus, type RequestStatus, requestStatus } from "../core/statuses.ts";
import { type Db, directSql } from "./client.ts";
import type { SqlWriter } from "./direct-sql.ts";
import type { HelpRequest } from "./generated/client.ts";
import { builder, prepared } from "./sql/builder.ts";
import { newId, sqlDate } from "./sql/values.ts";

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
  return directSql(db).write(async (tx) => {
    const now = sqlDate(new Date());
    const { fields } = request;
    const created = await tx.first(
      builder
        .insertInto("HelpRequest")
        .values({
          code: request.placeholderCode,
          chatId: request.chatId,
          requesterId: request.requesterId,
          text: request.text,
          status: request.status,
          skills: fields.skills,
          teamKey: fields.teamKey,
          city: fields.city,
          district: fields.district,
          cities: fields.cities ?? "[]",
          mode: fields.mode,
          windowStart: fields.windowStart,
          windowEnd: fields.windowEnd,
          kind: fields.kind,
          urgency: fields.urgency,
          locale: request.locale,
          waitReason: request.waitReason,
          teamSize: 1,
          createdAt: now,
          updatedAt: now,
          confirmedAt: request.status === "draft" ? null : now,
        })
        .returning("id"),
    );
    if (!created) throw new Error(`request ${request.placeholderCode} not stored`);
    const id = Number(created.id);
    const code = request.codeOf(id);
    await tx.execute(builder.updateTable("HelpRequest").set({ code }).where("id", "=", id));
    await insertEvent(tx, id, { actor: request.requesterId, type: "created" }, now);
    if (request.contact) {
      await tx.execute(
        builder.updateTable("Person").set({ phone: request.contact }).where("id", "=", request.requesterId),
      );
    }
    if (request.question) {
      const { topic } = request.question;
      const expiresAt = sqlDate(request.question.expiresAt);
      await tx.execute(
        builder
          .insertInto("PendingQuestion")
          .values({
            id: newId(),
            chatId: request.chatId,
            personId: request.requesterId,
            topic,
            requestId: id,
            createdAt: now,
            expiresAt,
          })
          .onConflict((conflict) =>
            conflict.columns(["chatId", "personId"]).doUpdateSet({ topic, requestId: id, expiresAt }),
          ),
      );
    }
    return { id, code };
  });
}

/** The request as the ranker reads it. */
export interface RequestForMatching extends StoredFields {
  status: RequestStatus;
  code: string;
  text: string;
  teamSize: number;
  /** Experts already considered in earlier runs. */
  earlierExperts: string[];
}

export async function requestForMatching(db: Db, requestId: number): Promise<RequestForMatching | null> {
  const sql = directSql(db);
  const row = await sql.first(requestToMatch(requestId));
  if (!row) return null;
  const earlier = await sql.many(expertsConsidered(requestId));
  return { ...parsed(row), earlierExperts: earlier.map((match) => match.expertId) };
}

const requestToMatch = prepared((requestId: number) =>
  builder
    .selectFrom("HelpRequest")
    .select([
      "status",
      "code",
      "text",
      "skills",
      "teamKey",
      "city",
      "district",
      "cities",
      "mode",
      "windowStart",
      "windowEnd",
      "kind",
      "urgency",
      "teamSize",
    ])
    .where("id", "=", requestId),
);

const expertsConsidered = prepared((requestId: number) =>
  builder.selectFrom("Match").select("expertId").where("requestId", "=", requestId),
);

/** The skills of experts as written in the roster (JSON lists), by expert id. */
export async function expertSkillLists(db: Db, ids: string[]): Promise<{ id: string; skills: string }[]> {
  if (ids.length === 0) return [];
  return directSql(db).many(builder.selectFrom("Expert").select(["id", "skills"]).where("id", "in", ids));
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
  return directSql(db).write(async (tx) => {
    const now = sqlDate(new Date());
    if (input.candidates.length > 0) {
      await tx.execute(
        builder.insertInto("Match").values(
          input.candidates.map((match, index) => ({
            id: newId(),
            requestId: input.requestId,
            expertId: match.expertId,
            rank: input.offset + index + 1,
            score: match.score,
            reasons: JSON.stringify(match.reasons),
            status: candidate,
            assignedBy: "system",
            role: match.role,
            offers: 0,
            createdAt: now,
            updatedAt: now,
          })),
        ),
      );
    }
    await tx.execute(
      builder
        .updateTable("HelpRequest")
        .set({ status, teamSize: input.teamSize, updatedAt: now })
        .where("id", "=", input.requestId),
    );
    await insertEvent(tx, input.requestId, input.event, now);
  });
}

/** An offer card went out: the request waits on the expert's answer. */
export function recordOfferMade(db: Db, requestId: number, event: TimelineEntry): Promise<void> {
  const status: RequestStatus = "offered";
  return directSql(db).write(async (tx) => {
    const now = sqlDate(new Date());
    await tx.execute(
      builder
        .updateTable("HelpRequest")
        .set({ status, waitReason: "offer_unanswered", updatedAt: now })
        .where("id", "=", requestId),
    );
    await insertEvent(tx, requestId, event, now);
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
    | "cities"
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
  // One transaction on the plain-SQL connection: the offer path (which runs it) never waits on a Prisma
  // interactive transaction.
  return directSql(db).write(async (tx) => {
    const now = sqlDate(new Date());
    const moved = await updateWhere(
      tx,
      "HelpRequest",
      change.id,
      change.from,
      { ...change.set, status: change.to },
      now,
    );
    if (!moved) return false;
    await insertEvent(tx, change.id, change.event, now);
    if (change.dropMatches?.length) {
      await tx.execute(
        builder
          .deleteFrom("Match")
          .where("requestId", "=", change.id)
          .where("status", "in", [...change.dropMatches]),
      );
    }
    if (change.question === "drop") {
      await tx.execute(builder.deleteFrom("PendingQuestion").where("requestId", "=", change.id));
    } else if (change.question) {
      await tx.execute(
        builder.updateTable("PendingQuestion").set({ topic: change.question.topic }).where("requestId", "=", change.id),
      );
    }
    return true;
  });
}

/** A column value as the typed path stores it (dates as Prisma stores them in SQLite, booleans as 0 or 1). */
function storedValue(value: unknown): string | number | null {
  if (value instanceof Date) return sqlDate(value);
  if (value === undefined || value === null) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string" || typeof value === "number") return value;
  return String(value);
}

/**
 * `UPDATE table SET … WHERE id = ? [AND status IN (from)]`; the column names come from the typed
 * change objects of this folder, never from input. Returns whether the row moved.
 */
export async function updateWhere(
  tx: SqlWriter,
  table: "HelpRequest" | "Match",
  id: number | string,
  from: readonly string[] | undefined,
  columns: Record<string, unknown>,
  now: string,
): Promise<boolean> {
  const set: Record<string, string | number | null> = { updatedAt: now };
  for (const [name, value] of Object.entries(columns)) if (value !== undefined) set[name] = storedValue(value);
  // The two tables share the columns updated here (status, updatedAt, id); the others come from
  // RequestChanges and MatchChanges, typed against each table by the callers.
  let update = builder
    .updateTable(table as "Match")
    .set(set)
    .where("id", "=", id as string);
  if (from) update = update.where("status", "in", [...from]);
  const result = await tx.execute(update);
  return result.changes > 0;
}

export async function insertEvent(tx: SqlWriter, requestId: number, event: TimelineEntry, now: string): Promise<void> {
  await tx.execute(
    builder.insertInto("RequestEvent").values({
      id: newId(),
      requestId,
      actor: event.actor,
      type: event.type,
      detail: detailJson(event.detail),
      createdAt: now,
    }),
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

// Asked for every message that could answer a question: a prepared statement.
export function pendingQuestion(db: Db, chatId: string, personId: string): Promise<PendingQuestion | undefined> {
  return directSql(db).first(questionTo(chatId, personId));
}

const questionTo = prepared((chatId: string, personId: string) =>
  builder
    .selectFrom("PendingQuestion")
    .select(["id", "topic", "requestId", "expiresAt"])
    .where("chatId", "=", chatId)
    .where("personId", "=", personId),
);

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
