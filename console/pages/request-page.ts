// A request: its text, what the bot understood, the timeline, the candidates with scores and reasons,
// and the chat's staff actions (assign, re-match, close).
import { keyIn } from "../../core/i18n.ts";
import { jsonArray } from "../../core/json-list.ts";
import { describePlace, describeWindow, skillLabels, teamLabel } from "../../core/request-format.ts";
import type { RequestPageData } from "../../prisma/console-request.ts";
import { displayedName, shanghaiStamp, waited } from "../format.ts";
import { type Html, html } from "../html.ts";
import { csrfField, type PageContext, page } from "../layout.ts";
import { statusBadge } from "../status-badge.ts";

const finished = new Set(["introduced", "closed", "cancelled", "expired"]);

function parseDetail(detail: string): Record<string, unknown> {
  try {
    const parsed = JSON.parse(detail) as unknown;
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function reasonsOf(ctx: PageContext, reasons: string): string {
  const list = jsonArray(reasons) as { key?: string; params?: Record<string, unknown> }[];
  return list
    .filter((reason) => typeof reason.key === "string")
    .map((reason) => ctx.t(keyIn("reasons", reason.key ?? ""), reason.params ?? {}))
    .join(ctx.t("list.dot"));
}

export function requestPage(ctx: PageContext, request: RequestPageData): Html {
  const { t, locale, now } = ctx;
  const fact = (label: string, value: string | null | undefined) => html`<dt>${label}</dt><dd>${value || "—"}</dd>`;
  const understood = html`<dl class="facts">
<dt>${t("console.request.status")}</dt><dd>${statusBadge(
    ctx,
    request.status,
    request.matches.some((match) => match.outcome === "solved"),
  )}</dd>
${fact(t("console.request.created"), `${shanghaiStamp(request.createdAt)} (${waited(t, request.createdAt, now)})`)}
${fact(t("console.request.asked_by"), [request.enterprise?.name, displayedName(t, request.requester.displayName), request.chat.title].filter(Boolean).join(" · "))}
${fact(t("console.board.team"), teamLabel(request.teamKey, locale))}
${fact(t("console.board.skills"), skillLabels(request, locale).join(t("list.separator")))}
${fact(t("console.board.city"), describePlace(t, request, locale))}
${fact(t("console.request.mode"), t(keyIn("mode", request.mode)))}
${fact(t("console.request.window"), describeWindow(t, request))}
${fact(t("console.board.kind"), request.kind ? t(keyIn("kind", request.kind)) : null)}
${fact(t("console.request.team_size"), String(request.teamSize))}
</dl>`;
  const timeline = html`<ol class="timeline">${request.events.map(
    (event) =>
      html`<li><time>${shanghaiStamp(event.createdAt)}</time> ${t(keyIn("event", event.type), parseDetail(event.detail))}</li>`,
  )}</ol>`;
  const candidates = request.matches.length
    ? html`<table class="list candidates"><thead><tr>
<th>#</th><th>${t("console.request.expert")}</th><th>${t("console.board.team")}</th><th>${t("console.request.score")}</th>
<th>${t("console.request.reasons")}</th><th>${t("console.board.status")}</th><th>${t("console.request.outcome")}</th>
</tr></thead><tbody>${request.matches.map(
        (match) => html`<tr>
<td>${match.rank}</td>
<td><a href="/experts/${match.expert.externalId}">${displayedName(t, match.expert.name)}</a> <small>${match.expert.externalId}</small></td>
<td>${teamLabel(match.expert.teamKey, locale) ?? "—"}</td>
<td>${match.score.toFixed(2)}</td>
<td>${reasonsOf(ctx, match.reasons)}</td>
<td>${t(keyIn("console.match_status", match.status))}</td>
<td>${match.outcome ? t(keyIn("console.outcome", match.outcome)) : ""}${match.rating ? ` ★${match.rating}` : ""}</td>
</tr>`,
      )}</tbody></table>`
    : html`<p class="empty">${t("console.request.no_candidates")}</p>`;
  const open = !finished.has(request.status);
  const closable = request.status !== "closed" && request.status !== "cancelled";
  const actions = html`<section class="actions">
${
  open
    ? html`<form method="post" action="/requests/${request.code}/assign">${csrfField(ctx)}
<label>${t("console.request.assign_label")} <input type="text" name="expert" required placeholder="E0001" list="candidate-ids"></label>
<datalist id="candidate-ids">${request.matches.map((match) => html`<option value="${match.expert.externalId}">${match.expert.name}</option>`)}</datalist>
<button type="submit">${t("console.request.assign")}</button></form>
<form method="post" action="/requests/${request.code}/rematch">${csrfField(ctx)}<button type="submit">${t("console.request.rematch")}</button></form>`
    : ""
}
${
  closable
    ? html`<form method="post" action="/requests/${request.code}/close" data-confirm="${t("console.request.close_confirm", { code: request.code })}">${csrfField(ctx)}<button type="submit">${t("console.request.close")}</button></form>`
    : ""
}
</section>`;
  return page(
    ctx,
    "board",
    t("console.request.title", { code: request.code }),
    html`<blockquote class="text">${request.text}</blockquote>
<h2>${t("console.request.understood")}</h2>${understood}
${open || closable ? actions : ""}
<h2>${t("console.request.candidates")}</h2>${candidates}
<h2>${t("console.request.timeline")}</h2>${timeline}`,
  );
}
