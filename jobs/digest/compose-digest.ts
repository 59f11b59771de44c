// One digest (a staff member's or the staff chat's) as the messages to send, in order: the day (a card
// with "rematch" buttons when requests wait), Monday's week in review, and the week's chart as a PNG
// beside the database.
import path from "node:path";
import { shortDay, shortTime, weekdayOf } from "../../core/calendar.ts";
import type { Locale, Translate } from "../../core/i18n.ts";
import type { OutgoingMessage } from "../../core/messages.ts";
import { serviceTeams } from "../../prisma/digest-repository.ts";
import type { Services } from "../services.ts";
import { type DigestFigures, figuresOf } from "./digest-figures.ts";
import type { DigestPeriod } from "./digest-period.ts";
import { digestTally } from "./digest-tally.ts";
import { type DigestWriter, digestText, type TeamNames, teamName, weeklyText } from "./digest-text.ts";
import { SharedWork } from "./shared-work.ts";

/** A part of the digest: `suffix` tells its outbox key apart from the other parts. */
export interface DigestPart {
  suffix: string;
  message: OutgoingMessage;
}

// Within the oldest waiting requests a tally keeps (waitingKept).
const maxButtons = 3;

async function teamNames(services: Services): Promise<TeamNames> {
  const rows = await serviceTeams(services.db);
  return new Map(rows.map((row) => [row.key, { zh: row.nameZh, en: row.nameEn }]));
}

function dayMessage(writer: DigestWriter, text: string, figures: DigestFigures): OutgoingMessage {
  // Requests waiting on an expert get two buttons: match again, or pick an expert (handlers/digest-buttons.ts).
  const rematchable = figures.waiting.filter((row) => row.reason !== "draft_unconfirmed").slice(0, maxButtons);
  if (rematchable.length === 0) return { kind: "text", text };
  return {
    kind: "card",
    text,
    buttons: rematchable.flatMap((row) => [
      { label: writer.t("digest.rematch_button", { code: row.code }), value: `staff.rematch:${row.code}` },
      { label: writer.t("digest.assign_button", { code: row.code }), value: `staff.pick:${row.code}` },
    ]),
  };
}

async function chartPart(
  services: Services,
  writer: DigestWriter,
  period: DigestPeriod,
  week: DigestFigures,
  scopeTeam: string | null,
): Promise<DigestPart | null> {
  const teams = week.teams.filter((team) => team.requests + team.introductions > 0);
  if (teams.length === 0) return null;
  const { t } = writer;
  // chart.js and the canvas load with the first chart, not at every start of every process.
  const { renderWeekChart, writeChartFile } = await import("./digest-chart.ts");
  const png = await renderWeekChart({
    title: t("digest.chart_title", { start: shortDay(period.weekStart), end: shortDay(period.end) }),
    labels: teams.map((team) => teamName(writer, team.teamKey)),
    requestsLabel: t("digest.chart_requests"),
    requests: teams.map((team) => team.requests),
    introductionsLabel: t("digest.chart_introductions"),
    introductions: teams.map((team) => team.introductions),
  });
  const end = shortTime(period.end).replace(/\D/g, "").slice(4);
  const name = `chart-${period.day}-${end}-${scopeTeam ?? "all"}-${writer.locale}.png`;
  const file = await writeChartFile(path.join(services.config.dataDir, "digests", name), png);
  return { suffix: "chart", message: { kind: "image", path: file, text: t("digest.chart_caption") } };
}

/** What a digest is for: a reader's language, a period, a scope (null: every team). */
export interface DigestRequest {
  t: Translate;
  locale: Locale;
  period: DigestPeriod;
  scopeTeam: string | null;
  /** Tallies and charts shared with the other digests of a run; without it, nothing is shared. */
  shared?: SharedWork;
}

/** The figures of the period and of its week, for the request's scope. */
async function figuresFor(services: Services, request: DigestRequest, shared: SharedWork) {
  const { period, scopeTeam } = request;
  const [day, week] = await Promise.all([
    digestTally(services.db, period, shared),
    digestTally(services.db, { start: period.weekStart, end: period.end, live: period.live }, shared),
  ]);
  return { figures: figuresOf(day, scopeTeam), week: figuresOf(week, scopeTeam) };
}

async function writerFor(services: Services, request: DigestRequest, shared: SharedWork): Promise<DigestWriter> {
  return {
    t: request.t,
    locale: request.locale,
    teams: await shared.get("teams", () => teamNames(services)),
    bot: services.config.BOT_NAME,
  };
}

/** The digest's text messages: the day (a card when requests wait) and, on Mondays, the week in review. */
export async function digestTextParts(services: Services, request: DigestRequest): Promise<DigestPart[]> {
  const shared = request.shared ?? new SharedWork();
  const { period, scopeTeam } = request;
  const writer = await writerFor(services, request, shared);
  const { figures, week } = await figuresFor(services, request, shared);
  const parts: DigestPart[] = [
    { suffix: "", message: dayMessage(writer, digestText(writer, period, figures, scopeTeam), figures) },
  ];
  if (weekdayOf(period.day) === 1) {
    parts.push({ suffix: "week", message: { kind: "text", text: weeklyText(writer, period, week) } });
  }
  return parts;
}

/** The week's chart as an image message, or null when the week had nothing to draw. */
export async function digestChartPart(services: Services, request: DigestRequest): Promise<DigestPart | null> {
  const shared = request.shared ?? new SharedWork();
  const { period, scopeTeam, locale } = request;
  const key = `chart:${period.day}-${period.weekStart.getTime()}-${period.end.getTime()}-${period.live}-${scopeTeam}-${locale}`;
  return shared.get(key, async () => {
    const writer = await writerFor(services, request, shared);
    const { week } = await figuresFor(services, request, shared);
    return chartPart(services, writer, period, week, scopeTeam);
  });
}

/** The messages of one digest, in order: its text, then the week's chart. */
export async function composeDigest(services: Services, request: DigestRequest): Promise<DigestPart[]> {
  const shared = request.shared ?? new SharedWork();
  const text = await digestTextParts(services, { ...request, shared });
  const chart = await digestChartPart(services, { ...request, shared });
  return chart ? [...text, chart] : text;
}

/** The team a person's digest covers: a team leader's own team, everything for staff and admins. */
export function scopeOf(person: { role: string; staffTeamKey: string | null }): string | null {
  return person.role === "team_leader" ? person.staffTeamKey : null;
}
