// The experts: a search with the matcher's own retrieval (scores and reasons as a request would get them),
// or the roster a page at a time.
import { pausedAt } from "../../core/expert-pause.ts";
import { keyIn } from "../../core/i18n.ts";
import { jsonList } from "../../core/json-list.ts";
import { cityLabel } from "../../core/label.ts";
import { teamLabel } from "../../core/request-format.ts";
import type { MatchReason } from "../../jobs/matching/types.ts";
import type { ExpertListRow } from "../../prisma/console-experts.ts";
import { displayedName } from "../format.ts";
import { type Html, html } from "../html.ts";
import { csrfField, type PageContext, page } from "../layout.ts";

export interface ExpertHit {
  expert: ExpertListRow;
  score: number | null;
  reasons: MatchReason[];
}

export function expertsPage(ctx: PageContext, query: string, hits: ExpertHit[], next: string | null): Html {
  const { t, locale } = ctx;
  const rows = hits.map(
    ({ expert, score, reasons }) => html`<tr>
<td><a href="/experts/${expert.externalId}">${expert.externalId}</a></td>
<td><a href="/experts/${expert.externalId}">${displayedName(t, expert.name)}</a>${pausedAt(expert.paused, expert.pausedUntil, new Date()) ? html` <small>${t("console.expert.paused")}</small>` : ""}</td>
<td>${teamLabel(expert.teamKey, locale) ?? "—"}</td>
<td>${expert.city ? cityLabel(expert.city, locale) : "—"}</td>
<td>${jsonList(expert.skills).join(t("list.separator"))}</td>
${query ? html`<td>${score === null ? "—" : score.toFixed(2)}</td><td>${reasons.map((reason) => t(keyIn("reasons", reason.key), reason.params)).join(t("list.dot"))}</td>` : ""}
</tr>`,
  );
  // Posted, not in the address: what staff type may be a phone number, and an address lands in histories.
  const search = html`<form method="post" action="/experts" class="filters" role="search">${csrfField(ctx)}
<input type="search" name="q" value="${query}" placeholder="${t("console.expert.search_hint")}" size="40">
<button type="submit">${t("console.expert.search")}</button></form>`;
  const table = hits.length
    ? html`<table class="list"><thead><tr><th>${t("console.expert.id")}</th><th>${t("console.expert.name")}</th>
<th>${t("console.board.team")}</th><th>${t("console.board.city")}</th><th>${t("console.expert.skills")}</th>
${query ? html`<th>${t("console.request.score")}</th><th>${t("console.request.reasons")}</th>` : ""}</tr></thead>
<tbody>${rows}</tbody></table>`
    : html`<p class="empty">${t("console.expert.none")}</p>`;
  const more = next
    ? html`<p class="pager"><a href="/experts?after=${encodeURIComponent(next)}">${t("console.board.next")}</a></p>`
    : "";
  return page(ctx, "experts", t("console.nav.experts"), html`${search}${table}${more}`);
}
