// One staff member's digest as the messages to send, in order: the day (a card with "rematch" buttons
// when requests wait), Monday's week in review, and the week's chart as a PNG beside the database.
import path from "node:path";
import type { Locale, Translate } from "../../bot/i18n.ts";
import type { OutgoingMessage } from "../../bot/messages.ts";
import type { Services } from "../../bot/services.ts";
import { type DigestFigures, digestFigures } from "./digest-figures.ts";
import { type DigestPeriod, shortDay, shortTime, weekdayOf } from "./digest-period.ts";
import { type DigestWriter, digestText, type TeamNames, teamName, weeklyText } from "./digest-text.ts";

/** A part of the digest: `suffix` tells its outbox key apart from the other parts. */
export interface DigestPart {
  suffix: string;
  message: OutgoingMessage;
}

const maxButtons = 3;

/** Folder of a `file:` database URL: charts belong beside the database. */
export function dataDirOf(databaseUrl: string): string {
  return databaseUrl.startsWith("file:") ? path.dirname(path.resolve(databaseUrl.slice(5))) : path.resolve("data");
}

async function teamNames(services: Services): Promise<TeamNames> {
  const rows = await services.db.serviceTeam.findMany();
  return new Map(rows.map((row) => [row.key, { zh: row.nameZh, en: row.nameEn }]));
}

function dayMessage(writer: DigestWriter, text: string, figures: DigestFigures): OutgoingMessage {
  // Only requests staff can act on without choosing an expert get a button.
  const rematchable = figures.waiting.filter((row) => row.reason !== "draft_unconfirmed").slice(0, maxButtons);
  if (rematchable.length === 0) return { kind: "text", text };
  return {
    kind: "card",
    text,
    buttons: rematchable.map((row) => ({
      label: writer.t("digest.rematch_button", { code: row.code }),
      value: `staff.rematch:${row.code}`,
    })),
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
  const file = await writeChartFile(path.join(dataDirOf(services.config.DATABASE_URL), "digests", name), png);
  return { suffix: "chart", message: { kind: "image", path: file, text: t("digest.chart_caption") } };
}

/** The messages of one digest for a reader in `locale`; `scopeTeam` narrows it to a team leader's team. */
export async function composeDigest(
  services: Services,
  options: { t: Translate; locale: Locale; period: DigestPeriod; scopeTeam: string | null },
): Promise<DigestPart[]> {
  const { period, scopeTeam } = options;
  const writer: DigestWriter = {
    t: options.t,
    locale: options.locale,
    teams: await teamNames(services),
    bot: services.config.BOT_NAME,
  };
  const [figures, week] = await Promise.all([
    digestFigures(services.db, period, scopeTeam),
    digestFigures(services.db, { start: period.weekStart, end: period.end, live: period.live }, scopeTeam),
  ]);
  const parts: DigestPart[] = [
    { suffix: "", message: dayMessage(writer, digestText(writer, period, figures, scopeTeam), figures) },
  ];
  if (weekdayOf(period.day) === 1) {
    parts.push({ suffix: "week", message: { kind: "text", text: weeklyText(writer, period, week) } });
  }
  const chart = await chartPart(services, writer, period, week, scopeTeam);
  if (chart) parts.push(chart);
  return parts;
}

/** The team a person's digest covers: a team leader's own team, everything for staff and admins. */
export function scopeOf(person: { role: string; staffTeamKey: string | null }): string | null {
  return person.role === "team_leader" ? person.staffTeamKey : null;
}
