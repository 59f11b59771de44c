// The board: requests by status with their waiting time, team, city and kind; those waiting over 48 hours
// first, with the reason; filters; a page at a time.
import { keyIn } from "../../core/i18n.ts";
import { cityLabel } from "../../core/label.ts";
import { skillLabels, teamLabel } from "../../core/request-format.ts";
import { serviceTeams } from "../../core/roster/resolve-team.ts";
import { requestStatuses } from "../../core/statuses.ts";
import { type Board, type BoardFilter, type BoardRow, solvedTab, waitingStatuses } from "../../prisma/console-board.ts";
import { waited, waitReasonKey } from "../format.ts";
import { type Html, html } from "../html.ts";
import { type PageContext, page } from "../layout.ts";
import { statusBadge } from "../status-badge.ts";

/**
 * The board's tabs: every request status in the lifecycle's order, and the solved ones (an outcome of the
 * follow-up, not a status) right after the introduced ones they come from.
 */
export const boardTabs: readonly string[] = requestStatuses.flatMap((status) =>
  status === "introduced" ? [status, solvedTab] : [status],
);

function tabLabel(ctx: PageContext, tab: string): string {
  return tab === solvedTab ? ctx.t("console.outcome.solved") : ctx.t(keyIn("status", tab));
}

function query(filter: BoardFilter, change: Partial<BoardFilter>): string {
  const merged = { ...filter, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged))
    if (value !== undefined && value !== "") params.set(key, String(value));
  const text = params.toString();
  return text ? `/?${text}` : "/";
}

/** The board as the page shows it: the expert each overdue offer waits on, by request id. */
export type BoardView = Board & { awaited: Map<number, string> };

function requestRow(ctx: PageContext, row: BoardRow, overdue: boolean, awaited?: string): Html {
  const { t, locale, now } = ctx;
  const waiting = waitingStatuses.includes(row.status);
  const skills = skillLabels(row, locale).join(t("list.separator"));
  return html`<tr>
<td><a href="/requests/${row.code}">${row.code}</a></td>
<td>${statusBadge(ctx, row.status, row.solved)}</td>
<td>${waiting ? waited(t, row.createdAt, now) : "—"}</td>
<td>${teamLabel(row.teamKey, locale) ?? "—"}</td>
<td>${row.city ? cityLabel(row.city, locale) : "—"}</td>
<td>${row.kind ? t(keyIn("kind", row.kind)) : "—"}</td>
<td>${overdue ? t(keyIn("digest.reason", waitReasonKey(row.status, row.waitReason)), { expert: awaited ?? t("digest.someone") }) : skills || "—"}</td>
<td class="excerpt">${row.text.slice(0, 60)}</td>
</tr>`;
}

function table(ctx: PageContext, rows: BoardRow[], overdue: boolean, awaited = new Map<number, string>()): Html {
  const { t } = ctx;
  return html`<table class="list"><thead><tr>
<th>${t("console.board.code")}</th><th>${t("console.board.status")}</th><th>${t("console.board.waited")}</th>
<th>${t("console.board.team")}</th><th>${t("console.board.city")}</th><th>${t("console.board.kind")}</th>
<th>${overdue ? t("console.board.reason") : t("console.board.skills")}</th><th>${t("console.board.text")}</th>
</tr></thead><tbody>${rows.map((row) => requestRow(ctx, row, overdue, awaited.get(row.id)))}</tbody></table>`;
}

function options(values: readonly { value: string; label: string }[], selected: string | undefined, any: string): Html {
  return html`<option value="">${any}</option>${values.map(
    (option) =>
      html`<option value="${option.value}" ${option.value === selected ? html`selected` : ""}>${option.label}</option>`,
  )}`;
}

export function boardPage(
  ctx: PageContext,
  board: BoardView,
  filter: BoardFilter,
  choices: { cities: readonly string[]; kinds: readonly string[] },
  teamLocked: boolean,
): Html {
  const { t, locale } = ctx;
  // Every request has one status; the solved ones are counted under theirs as well.
  const total = requestStatuses.reduce((sum, status) => sum + (board.counts[status] ?? 0), 0);
  const tabs = html`<nav class="tabs">
<a href="${query(filter, { status: undefined, before: undefined })}" class="${filter.status ? "" : "current"}">${t("console.board.all")} (${total})</a>
${boardTabs.map(
  (status) =>
    html`<a href="${query(filter, { status, before: undefined })}" class="${filter.status === status ? "current" : ""}">${tabLabel(ctx, status)} (${board.counts[status] ?? 0})</a>`,
)}
</nav>`;
  const teams = serviceTeams.map((team) => ({ value: team.key, label: locale === "en" ? team.en : team.zh }));
  const filters = html`<form method="get" action="/" class="filters">
${filter.status ? html`<input type="hidden" name="status" value="${filter.status}">` : ""}
${teamLocked ? "" : html`<label>${t("console.board.team")} <select name="teamKey" data-autosubmit>${options(teams, filter.teamKey, t("console.board.any"))}</select></label>`}
<label>${t("console.board.city")} <select name="city" data-autosubmit>${options(
    choices.cities.map((city) => ({ value: city, label: cityLabel(city, locale) })),
    filter.city,
    t("console.board.any"),
  )}</select></label>
<label>${t("console.board.kind")} <select name="kind" data-autosubmit>${options(
    choices.kinds.map((kind) => ({ value: kind, label: t(keyIn("kind", kind)) })),
    filter.kind,
    t("console.board.any"),
  )}</select></label>
<button type="submit">${t("console.board.filter")}</button>
</form>`;
  const overdue = board.overdue.length
    ? html`<section class="overdue"><h2>${t("console.board.overdue", { count: board.overdueCount })}</h2>${table(ctx, board.overdue, true, board.awaited)}${
        board.overdueCount > board.overdue.length
          ? html`<p class="hint">${t("console.board.overdue_more", { more: board.overdueCount - board.overdue.length })}</p>`
          : ""
      }</section>`
    : "";
  const rows = board.rows.length
    ? table(ctx, board.rows, false)
    : html`<p class="empty">${t("console.board.none")}</p>`;
  const back = filter.before
    ? html`<a href="${query(filter, { before: undefined })}">${t("console.board.first")}</a> `
    : "";
  const onward = board.next
    ? html`<a href="${query(filter, { before: board.next })}">${t("console.board.next")}</a>`
    : "";
  const next = back || onward ? html`<p class="pager">${back}${onward}</p>` : "";
  return page(ctx, "board", t("console.nav.board"), html`${tabs}${filters}${overdue}<section>${rows}</section>${next}`);
}
