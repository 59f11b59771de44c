// The programme at a glance: the digest's figures as charts (funnel, teams, cities, requests over time,
// time to first acceptance, solved and ratings), the roster's export and its import by upload.
import { keyIn } from "../../core/i18n.ts";
import { teamLabel } from "../../core/request-format.ts";

import type { DigestFigures } from "../../jobs/digest/digest-figures.ts";
import { type Html, html } from "../html.ts";
import { csrfField, type PageContext, page } from "../layout.ts";
import { barChart, columnChart } from "../svg-chart.ts";

export const periodDays = [1, 7, 30, 90];

export interface ProgrammeData {
  days: number;
  figures: DigestFigures;
  perDay: { day: string; count: number }[];
  acceptanceHours: number[];
  /** Staff and admins manage the roster; a team leader sees the figures. */
  mayManageRoster: boolean;
  /** Demo experts in the roster: the export leaves them out, with a link that takes them in. */
  demoExperts: number;
  /** The last import's report, when this page follows one. */
  report: string[];
}

const buckets = [
  { key: "under_1h", max: 1 },
  { key: "under_6h", max: 6 },
  { key: "under_24h", max: 24 },
  { key: "under_3d", max: 72 },
  { key: "over_3d", max: Number.POSITIVE_INFINITY },
];

/** One chart's numbers: drawn on the page and written, the same, into the export. */
export interface FigureTable {
  title: string;
  series: string[];
  rows: { label: string; values: number[] }[];
}

/** The page's charts as tables, in the page's order. */
export function programmeTables(ctx: PageContext, data: ProgrammeData): FigureTable[] {
  const { t, locale } = ctx;
  const { figures } = data;
  const team = (key: string | null) => teamLabel(key, locale) ?? t("digest.no_team");
  const count = [t("console.programme.count")];
  const cityCounts = new Map<string, number>();
  for (const line of figures.byTeam)
    for (const city of line.cities) {
      const name = city.city ?? t("digest.no_city");
      cityCounts.set(name, (cityCounts.get(name) ?? 0) + city.count);
    }
  const average = figures.ratingCount ? (figures.ratingSum / figures.ratingCount).toFixed(1) : "—";
  return [
    {
      title: t("console.programme.funnel"),
      series: count,
      rows: [
        { label: t("console.programme.new_requests"), values: [figures.newRequests] },
        { label: t("console.programme.offers"), values: [figures.offers] },
        { label: t("console.programme.accepted"), values: [figures.accepted] },
        { label: t("console.programme.introductions"), values: [figures.introductions] },
        { label: t("console.programme.solved"), values: [figures.solved] },
      ],
    },
    {
      title: t("console.programme.over_time"),
      series: [t("console.programme.new_requests")],
      rows: data.perDay.map((point) => ({ label: point.day, values: [point.count] })),
    },
    {
      title: t("console.programme.by_team"),
      series: [
        t("console.programme.new_requests"),
        t("console.programme.introductions"),
        t("console.programme.waiting"),
      ],
      rows: figures.teams.map((line) => ({
        label: team(line.teamKey),
        values: [line.requests, line.introductions, line.waiting],
      })),
    },
    {
      title: t("console.programme.by_city"),
      series: [t("console.programme.new_requests")],
      rows: [...cityCounts].sort((a, b) => b[1] - a[1]).map(([label, value]) => ({ label, values: [value] })),
    },
    {
      title: t("console.programme.first_acceptance"),
      series: count,
      rows: buckets.map((bucket, index) => ({
        label: t(keyIn("console.programme.buckets", bucket.key)),
        values: [
          data.acceptanceHours.filter((hours) => hours < bucket.max && hours >= (buckets[index - 1]?.max ?? 0)).length,
        ],
      })),
    },
    {
      title: t("console.programme.outcomes", { average, count: figures.ratingCount }),
      series: count,
      rows: [
        { label: t("console.outcome.solved"), values: [figures.solved] },
        { label: t("console.outcome.unsolved"), values: [figures.unsolved] },
      ],
    },
  ];
}

export function programmePage(ctx: PageContext, data: ProgrammeData): Html {
  const { t } = ctx;
  const { figures } = data;
  const periods = html`<nav class="tabs">${periodDays.map(
    (days) =>
      html`<a href="/programme?days=${days}" class="${days === data.days ? "current" : ""}">${t("console.programme.last_days", { days })}</a>`,
  )}</nav>`;
  const [funnel, overTime, teams, cities, acceptance, outcomes] = programmeTables(ctx, data).map((table, index) =>
    index === 1
      ? columnChart(
          table.title,
          table.rows.map((row) => ({ label: row.label, value: row.values[0] ?? 0 })),
        )
      : // The city chart shows the largest 21; the export has them all.
        barChart(table.title, table.series, index === 3 ? table.rows.slice(0, 21) : table.rows),
  );
  const summary = html`<p>${t("console.programme.summary", {
    requests: figures.newRequests,
    offers: figures.offers,
    accepted: figures.accepted,
    declined: figures.declined,
    unanswered: figures.unanswered,
    introductions: figures.introductions,
    waiting: figures.waitingCount,
  })}</p>`;
  const exportFigures = html`<p>${t("console.programme.export_figures")}: <a href="/programme/figures/csv?days=${data.days}">CSV</a> · <a href="/programme/figures/xlsx?days=${data.days}">XLSX</a></p>`;
  const roster = data.mayManageRoster
    ? html`<h2>${t("console.programme.roster")}</h2>
<p>${t("console.programme.export")}: <a href="/programme/roster/csv">CSV</a> · <a href="/programme/roster/xlsx">XLSX</a></p>
${
  data.demoExperts > 0
    ? html`<p class="hint">${t("console.programme.demo_left_out", { count: data.demoExperts })} <a href="/programme/roster/csv?demo=1">${t("console.programme.with_demo", { format: "CSV" })}</a> · <a href="/programme/roster/xlsx?demo=1">${t("console.programme.with_demo", { format: "XLSX" })}</a></p>`
    : ""
}
<form method="post" action="/programme/import" enctype="multipart/form-data" class="filters">${csrfField(ctx)}
<label>${t("console.programme.import")} <input type="file" name="roster" accept=".csv,.xlsx" required></label>
<button type="submit">${t("console.programme.upload")}</button></form>
${data.report.length ? html`<pre class="report" role="status">${data.report.join("\n")}</pre>` : ""}`
    : "";
  return page(
    ctx,
    "programme",
    t("console.nav.programme"),
    html`${periods}${summary}${exportFigures}${funnel}${overTime}${teams}${cities}${acceptance}${outcomes}${roster}`,
  );
}
