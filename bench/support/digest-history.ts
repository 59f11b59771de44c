// Thirty days of the programme for the digest bench: help requests spread evenly over the days across
// the 16 service teams and 21 cities (busier teams and cities more often), each with the offers,
// introductions, follow-up outcomes and timeline events its fate implies. Written as multi-row INSERTs
// in a few large transactions through the libSQL client: 100,000 Prisma creates would take minutes.
import { createClient, type InStatement, type InValue } from "@libsql/client";
import { serviceTeams } from "../../core/roster/resolve-team.ts";
import { allCities } from "../../core/understanding/places.ts";
import { resolveSqliteUrl } from "../../prisma/client.ts";
import { random } from "./synthetic.ts";

export interface HistoryCounts {
  requests: number;
  matches: number;
  events: number;
}

const hour = 3600 * 1000;
const day = 24 * hour;
const rowsPerStatement = 200;
const candidatesPerRequest = 10;
const statementsPerTransaction = 100;

/** Dates as Prisma writes them to SQLite, so that range comparisons on the text hold. */
const stamp = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/** Weights that make a few teams and the Pearl River Delta's big cities busier, as in the programme. */
function weighted<T>(items: readonly T[], heavy: number, next: () => number): () => T {
  const weights = items.map((_, i) => (i < heavy ? 4 : 1));
  const total = weights.reduce((sum, w) => sum + w, 0);
  return () => {
    let r = next() * total;
    for (const [i, w] of weights.entries()) {
      r -= w;
      if (r < 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  };
}

type Fate =
  | "introduced"
  | "closed"
  | "cancelled"
  | "expired_draft"
  | "unmatched"
  | "declined"
  | "offered"
  | "draft"
  | "open";

/** What became of a request: older requests are mostly settled, the last week's still in motion. */
function fateOf(ageMs: number, r: number): Fate {
  const unsettled = ageMs > 7 * day ? 0.06 : 0.25;
  if (r < unsettled * 0.3) return "offered";
  if (r < unsettled * 0.5) return "unmatched";
  if (r < unsettled * 0.65) return "declined";
  if (r < unsettled * 0.75) return "draft";
  if (r < unsettled) return "open";
  const settled = (r - unsettled) / (1 - unsettled);
  if (settled < 0.78) return "introduced";
  if (settled < 0.88) return "closed";
  if (settled < 0.95) return "cancelled";
  return "expired_draft";
}

const statusOf: Record<Fate, string> = {
  introduced: "introduced",
  closed: "closed",
  cancelled: "cancelled",
  expired_draft: "expired",
  unmatched: "unmatched",
  declined: "unmatched",
  offered: "offered",
  draft: "draft",
  open: "open",
};

const waitReasonOf: Partial<Record<Fate, string>> = {
  unmatched: "no_candidate",
  declined: "all_declined",
  offered: "offer_unanswered",
  draft: "draft_unconfirmed",
};

class Inserts {
  readonly statements: InStatement[] = [];
  private rows: InValue[][] = [];

  constructor(
    private readonly table: string,
    private readonly columns: string[],
  ) {}

  add(row: InValue[]): void {
    this.rows.push(row);
    if (this.rows.length === rowsPerStatement) this.flush();
  }

  flush(): void {
    if (this.rows.length === 0) return;
    const one = `(${this.columns.map(() => "?").join(",")})`;
    this.statements.push({
      sql: `INSERT INTO "${this.table}" (${this.columns.map((c) => `"${c}"`).join(",")}) VALUES ${this.rows.map(() => one).join(",")}`,
      args: this.rows.flat(),
    });
    this.rows = [];
  }
}

/**
 * Writes `requests` help requests created over the `days` days before `end`, with their matches and
 * events, into the database at `url`. Experts `bench-0` … `bench-<experts-1>` must exist.
 */
export async function seedDigestHistory(
  url: string,
  options: { requests: number; days: number; end: Date; experts: number },
): Promise<HistoryCounts> {
  const next = random(20_261_124);
  const team = weighted(
    serviceTeams.map((t) => t.key),
    4,
    next,
  );
  const city = weighted(allCities(), 4, next);
  const end = options.end.getTime();
  const start = end - options.days * day;
  const chats = 50;
  const people = 200;

  const setup = new Inserts("Chat", ["id", "platform", "externalId", "kind", "title"]);
  const persons = new Inserts("Person", ["id", "displayName", "role"]);
  for (let i = 0; i < chats; i++) setup.add([`bench-chat-${i}`, "terminal", `企业群${i}`, "group", `企业群${i}`]);
  for (let i = 0; i < people; i++) persons.add([`bench-person-${i}`, `企业联系人${i}`, "enterprise"]);
  setup.flush();
  persons.flush();

  const requests = new Inserts("HelpRequest", [
    "id",
    "code",
    "chatId",
    "requesterId",
    "text",
    "status",
    "teamKey",
    "city",
    "waitReason",
    "createdAt",
    "updatedAt",
    "closedAt",
  ]);
  const matches = new Inserts("Match", [
    "id",
    "requestId",
    "expertId",
    "rank",
    "score",
    "status",
    "offeredAt",
    "respondedAt",
    "introducedAt",
    "outcome",
    "rating",
    "updatedAt",
  ]);
  const events = new Inserts("RequestEvent", ["id", "requestId", "actor", "type", "createdAt"]);
  let matchCount = 0;
  let eventCount = 0;
  const event = (requestId: number, type: string, at: number) => {
    if (at >= end) return;
    events.add([`bench-ev-${eventCount++}`, requestId, "system", type, stamp(at)]);
  };

  for (let i = 0; i < options.requests; i++) {
    const id = i + 1;
    const created = start + Math.floor(((i + next()) * (end - start)) / options.requests);
    const fate = fateOf(end - created, next());
    // Distinct experts for the request's offers (unique per request).
    const first = Math.floor(next() * options.experts);
    const expertAt = (k: number) => `bench-${(first + k * 7919) % options.experts}`;
    let offeredAt = created + (10 + Math.floor(next() * 50)) * 60_000;
    let rank = 0;
    const offer = (
      status: string,
      respondedAt: number | null,
      introduced = false,
      outcome?: [string, number | null],
    ) => {
      matches.add([
        `bench-m-${matchCount++}`,
        id,
        expertAt(rank),
        rank + 1,
        1 - rank / 10,
        status,
        stamp(offeredAt),
        respondedAt === null ? null : stamp(respondedAt),
        introduced && respondedAt !== null ? stamp(respondedAt) : null,
        outcome?.[0] ?? null,
        outcome?.[1] ?? null,
        stamp(respondedAt ?? offeredAt),
      ]);
      event(id, "offered", offeredAt);
      rank++;
      offeredAt = (respondedAt ?? offeredAt) + 5 * 60_000;
    };
    // Some experts decline or let the offer run out before one answers.
    const before = fate === "introduced" || fate === "offered" ? Math.floor(next() * 2.2) : 0;
    for (let k = 0; k < before; k++) {
      const lapsed = next() < 0.35;
      offer(lapsed ? "expired" : "declined", offeredAt + (lapsed ? 24 * hour : (1 + next() * 8) * hour));
    }
    let closedAt: number | null = null;
    if (fate === "introduced") {
      const accepted = offeredAt + (0.5 + next() * 12) * hour;
      const followUp = accepted + (3 + next() * 3) * day;
      const answered = followUp < end && next() < 0.7;
      const outcome: [string, number | null] | undefined = answered
        ? [next() < 0.8 ? "solved" : "unsolved", next() < 0.85 ? 3 + Math.floor(next() * 3) : null]
        : undefined;
      offer("accepted", accepted, true, outcome);
      event(id, "introduced", accepted);
      if (answered) event(id, "feedback", followUp + (1 + next() * 30) * hour);
    } else if (fate === "declined") {
      for (let k = 0; k < 2 + Math.floor(next() * 2); k++) offer("declined", offeredAt + (1 + next() * 8) * hour);
    } else if (fate === "offered") {
      offer("offered", null);
    } else if (fate === "closed" || fate === "cancelled" || fate === "expired_draft") {
      closedAt = created + (fate === "expired_draft" ? 2 * hour : (1 + next() * 3) * day);
      if (closedAt >= end) closedAt = end - 1;
    }
    // The ranker stores up to MATCH_CANDIDATES (10) candidates; the ones never offered stay candidates.
    const ranked =
      ["introduced", "offered", "declined"].includes(fate) || (["closed", "cancelled"].includes(fate) && next() < 0.5);
    for (let k = rank; ranked && k < candidatesPerRequest; k++) {
      matches.add([
        `bench-m-${matchCount++}`,
        id,
        expertAt(k),
        k + 1,
        0.5 - k / 100,
        "candidate",
        null,
        null,
        null,
        null,
        null,
        stamp(created),
      ]);
    }
    requests.add([
      id,
      `R-${String(id).padStart(6, "0")}`,
      `bench-chat-${i % chats}`,
      `bench-person-${i % people}`,
      "数控加工的薄壁件变形，想请专家指导",
      statusOf[fate],
      next() < 0.03 ? null : team(),
      next() < 0.05 ? null : city(),
      waitReasonOf[fate] ?? null,
      stamp(created),
      stamp(closedAt ?? created),
      closedAt === null ? null : stamp(closedAt),
    ]);
    event(id, "created", created);
  }
  for (const table of [requests, matches, events]) table.flush();

  const client = createClient({ url: resolveSqliteUrl(url) });
  try {
    // Parents first: the foreign keys are checked row by row.
    const all = [
      ...setup.statements,
      ...persons.statements,
      ...requests.statements,
      ...matches.statements,
      ...events.statements,
    ];
    for (let at = 0; at < all.length; at += statementsPerTransaction) {
      await client.batch(all.slice(at, at + statementsPerTransaction), "write");
    }
  } finally {
    client.close();
  }
  return { requests: options.requests, matches: matchCount, events: eventCount };
}
