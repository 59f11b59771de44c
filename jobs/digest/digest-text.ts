// The digest as a few short lines for a phone, in the reader's locale. Lists are capped so a busy
// day still fits on one screen; the cap says how to see the rest.

import { shortDay, shortTime, weekdayOf } from "../../core/calendar.ts";
import { keyIn, type Locale, type Translate } from "../../core/i18n.ts";
import { cityLabel, label } from "../../core/label.ts";
import type { DigestFigures, WaitingRequest } from "./digest-figures.ts";
import type { DigestPeriod } from "./digest-period.ts";
import { waitingKept } from "./digest-tally.ts";

const maxWaiting = waitingKept;
const maxQuiet = 5;
const maxCities = 3;

/** Service team names by key, in both languages. */
export type TeamNames = ReadonlyMap<string, { zh: string; en: string }>;

export interface DigestWriter {
  t: Translate;
  locale: Locale;
  teams: TeamNames;
  bot: string;
}

export function teamName(writer: DigestWriter, key: string | null): string {
  const team = key ? writer.teams.get(key) : undefined;
  if (!team) return key ?? writer.t("digest.no_team");
  return label(team, writer.locale);
}

function cityName(writer: DigestWriter, city: string | null): string {
  if (!city) return writer.t("digest.no_city");
  return cityLabel(city, writer.locale);
}

function join(writer: DigestWriter, parts: string[]): string {
  return parts.join(writer.t("list.separator"));
}

function newRequestsLine(writer: DigestWriter, figures: DigestFigures): string {
  const { t } = writer;
  if (figures.newRequests === 0) return t("digest.new_none");
  const teams = figures.byTeam.map((team) =>
    t("digest.new_team", {
      team: teamName(writer, team.teamKey),
      count: team.count,
      cities: join(
        writer,
        team.cities
          .slice(0, maxCities)
          .map((city) => t("digest.city_count", { city: cityName(writer, city.city), count: city.count })),
      ),
    }),
  );
  return t("digest.new", { count: figures.newRequests, teams: join(writer, teams) });
}

function waitingLine(writer: DigestWriter, row: WaitingRequest): string {
  const { t } = writer;
  const where = [teamName(writer, row.teamKey), row.city && cityName(writer, row.city)]
    .filter(Boolean)
    .join(t("list.dot").trim());
  return t("digest.waiting_line", {
    code: row.code,
    where,
    hours: row.hours,
    reason: t(`digest.reason.${row.reason}`, { expert: row.expert ?? t("digest.someone") }),
    action: t(`digest.action.${row.reason}`, { code: row.code }),
  });
}

function outcomesLine(writer: DigestWriter, figures: DigestFigures): string | null {
  const { t } = writer;
  if (figures.solved + figures.unsolved + figures.ratingCount === 0) return null;
  if (figures.ratingCount === 0) return t("digest.outcomes", { ...figures });
  return t("digest.outcomes_rated", {
    solved: figures.solved,
    unsolved: figures.unsolved,
    average: (figures.ratingSum / figures.ratingCount).toFixed(1),
    count: figures.ratingCount,
  });
}

function quietLine(writer: DigestWriter, figures: DigestFigures): string | null {
  const { t } = writer;
  if (figures.quiet.length === 0) return null;
  const names = figures.quiet
    .slice(0, maxQuiet)
    .map((expert) =>
      expert.unanswered > 0
        ? t("digest.quiet_unanswered", { name: expert.name, count: expert.unanswered })
        : t("digest.quiet_paused", { name: expert.name }),
    );
  return t("digest.quiet", { names: join(writer, names) });
}

/** The daily digest text. `scopeTeam` is the team of a team leader, null for the whole programme. */
export function digestText(
  writer: DigestWriter,
  period: DigestPeriod,
  figures: DigestFigures,
  scopeTeam: string | null,
): string {
  const { t } = writer;
  const lines = [
    t("digest.title", {
      bot: writer.bot,
      day: period.day,
      weekday: t(keyIn("weekday", weekdayOf(period.day))),
      scope: scopeTeam ? t("digest.scope_team", { team: teamName(writer, scopeTeam) }) : "",
    }),
    t("digest.period", { start: shortTime(period.start), end: shortTime(period.end) }),
  ];
  const quiet =
    figures.newRequests + figures.offers + figures.accepted + figures.declined + figures.unanswered === 0 &&
    figures.introductions + figures.waitingCount + figures.quiet.length === 0 &&
    outcomesLine(writer, figures) === null;
  if (quiet) return [...lines, t("digest.nothing")].join("\n");
  lines.push(newRequestsLine(writer, figures), t("digest.offers", { ...figures }));
  if (figures.waitingCount > 0) {
    lines.push(t("digest.waiting_header", { count: figures.waitingCount }));
    lines.push(...figures.waiting.slice(0, maxWaiting).map((row) => waitingLine(writer, row)));
    if (figures.waitingCount > maxWaiting)
      lines.push(t("digest.waiting_more", { count: figures.waitingCount - maxWaiting }));
  }
  const outcomes = outcomesLine(writer, figures);
  if (outcomes) lines.push(outcomes);
  const quietExperts = quietLine(writer, figures);
  if (quietExperts) lines.push(quietExperts);
  if (figures.teams.length > 0) {
    lines.push(t("digest.teams_header"));
    for (const team of figures.teams)
      lines.push(t("digest.team_line", { ...team, team: teamName(writer, team.teamKey) }));
  }
  return lines.join("\n");
}

/** Monday's summary of the past seven days. */
export function weeklyText(writer: DigestWriter, period: DigestPeriod, week: DigestFigures): string {
  const { t } = writer;
  const lines = [
    t("digest.week_title", { start: shortDay(period.weekStart), end: shortDay(period.end) }),
    t("digest.week_totals", { ...week, requests: week.newRequests }),
  ];
  for (const team of week.teams) {
    if (team.requests + team.introductions === 0) continue;
    lines.push(t("digest.week_team_line", { ...team, team: teamName(writer, team.teamKey) }));
  }
  const outcomes = outcomesLine(writer, week);
  if (outcomes) lines.push(outcomes);
  return lines.join("\n");
}
