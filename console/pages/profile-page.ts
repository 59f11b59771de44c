// One expert's profile (人才多维画像): honours, skills, achievements, team, cities and mode, availability on a
// week calendar, every offer, introduction, outcome and rating, load against the monthly cap, consent and
// binding; the edit form under it. Only staff reach this page, so the phone number is shown.
import { pausedAt } from "../../core/expert-pause.ts";
import { keyIn } from "../../core/i18n.ts";
import { jsonList } from "../../core/json-list.ts";
import { teamLabel } from "../../core/request-format.ts";
import { serviceTeams } from "../../core/roster/resolve-team.ts";
import { awayMode } from "../../prisma/availability-slots.ts";
import type { ExpertProfileData } from "../../prisma/console-experts.ts";
import { displayedName, shanghaiStamp } from "../format.ts";
import { type Html, html } from "../html.ts";
import { csrfField, type PageContext, page } from "../layout.ts";

export type ExpertForm = Record<string, string>;

function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** The form's fields as the profile holds them now. */
export function formOfProfile(data: ExpertProfileData): ExpertForm {
  const { expert } = data;
  return {
    name: expert.name,
    employer: expert.employer,
    title: expert.title,
    city: expert.district ? `${expert.city}${expert.district}` : expert.city,
    teamKey: expert.teamKey ?? "",
    skills: jsonList(expert.skills).join("；"),
    honours: jsonList(expert.honours).join("；"),
    achievements: expert.achievements,
    canOnsite: expert.canOnsite ? "on" : "",
    canRemote: expert.canRemote ? "on" : "",
    paused: pausedAt(expert.paused, expert.pausedUntil, new Date()) ? "on" : "",
    phone: expert.phone ?? "",
  };
}

function calendar(ctx: PageContext, data: ExpertProfileData): Html {
  const { t } = ctx;
  const today = new Date(ctx.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const days = [1, 2, 3, 4, 5, 6, 7];
  const weekly = (day: number) =>
    data.expert.availability
      .filter(
        (slot) => slot.weekday === day && slot.mode !== awayMode && (!slot.validUntil || slot.validUntil >= today),
      )
      .map(
        (slot) =>
          html`<span class="slot">${clock(slot.startMinute)}–${clock(slot.endMinute)} ${t(keyIn("mode", slot.mode))}</span>`,
      );
  const dated = data.expert.availability.filter(
    (slot) => slot.date && (slot.mode === awayMode ? (slot.validUntil ?? slot.date) : slot.date) >= today,
  );
  // A row of days away (出差, 请假) spans first to last day; a free slot is one day's hours.
  const datedLine = (slot: (typeof dated)[number]) =>
    slot.mode === awayMode
      ? html`<li>${slot.date}–${slot.validUntil ?? slot.date} ${t("console.expert.away")}</li>`
      : html`<li>${slot.date} ${clock(slot.startMinute)}–${clock(slot.endMinute)} ${t(keyIn("mode", slot.mode))}</li>`;
  return html`<div class="calendar">${days.map((day) => html`<div class="head">${t(keyIn("weekday", day))}</div>`)}${days.map(
    (day) => html`<div>${weekly(day)}</div>`,
  )}</div>
${dated.length ? html`<ul>${dated.map(datedLine)}</ul>` : ""}
${data.expert.availability.length === 0 ? html`<p class="empty">${t("console.expert.no_availability")}</p>` : ""}`;
}

function editForm(ctx: PageContext, data: ExpertProfileData, form: ExpertForm, errors: string[]): Html {
  const { t, locale } = ctx;
  const text = (name: string) =>
    html`<label for="f-${name}">${t(keyIn("console.expert.fields", name))}</label><input type="text" id="f-${name}" name="${name}" value="${form[name] ?? ""}">`;
  const check = (name: string) =>
    html`<label><input type="checkbox" name="${name}" ${form[name] ? html`checked` : ""}> ${t(keyIn("console.expert.fields", name))}</label>`;
  return html`<h2 id="edit">${t("console.expert.edit")}</h2>
${errors.map((error) => html`<p class="error" role="alert">${error}</p>`)}
<form method="post" action="/experts/${data.expert.externalId}" class="edit">${csrfField(ctx)}
${text("name")}${text("employer")}${text("title")}${text("city")}
<label for="f-teamKey">${t("console.expert.fields.teamKey")}</label><select id="f-teamKey" name="teamKey"><option value="">—</option>${serviceTeams.map(
    (team) =>
      html`<option value="${team.key}" ${form["teamKey"] === team.key ? html`selected` : ""}>${locale === "en" ? team.en : team.zh}</option>`,
  )}</select>
${text("skills")}${text("honours")}
<label for="f-achievements">${t("console.expert.fields.achievements")}</label><textarea id="f-achievements" name="achievements" rows="3">${form["achievements"] ?? ""}</textarea>
${text("phone")}
<span></span><span>${check("canOnsite")} ${check("canRemote")} ${check("paused")}</span>
<span></span><span><button type="submit">${t("console.expert.save")}</button></span>
</form>`;
}

export function profilePage(
  ctx: PageContext,
  data: ExpertProfileData,
  form: ExpertForm = formOfProfile(data),
  errors: string[] = [],
): Html {
  const { t, locale } = ctx;
  const { expert, load } = data;
  const separator = t("list.separator");
  const modes = [expert.canOnsite ? t("mode.onsite") : null, expert.canRemote ? t("mode.remote") : null].filter(
    Boolean,
  );
  const fact = (label: string, value: string | null | undefined) => html`<dt>${label}</dt><dd>${value || "—"}</dd>`;
  const bound = (expert.person?._count.identities ?? 0) > 0;
  const facts = html`<dl class="facts">
${fact(t("console.expert.id"), expert.externalId)}
${fact(t("console.expert.fields.honours"), jsonList(expert.honours).join(separator))}
${fact(t("console.expert.fields.employer"), [expert.employer, expert.title].filter(Boolean).join(" · "))}
${fact(t("console.expert.fields.teamKey"), teamLabel(expert.teamKey, locale))}
${fact(t("console.expert.fields.skills"), jsonList(expert.skills).join(separator))}
${fact(t("console.expert.fields.achievements"), expert.achievements)}
${fact(t("console.expert.fields.city"), [expert.city + (expert.district ?? ""), ...jsonList(expert.cities).filter((city) => city !== expert.city)].filter(Boolean).join(separator))}
${fact(t("console.expert.mode"), modes.join(separator))}
${fact(t("console.expert.fields.phone"), expert.phone)}
${fact(t("console.expert.load"), t("console.expert.load_value", { month: load.offersThisMonth, cap: ctx.services.config.MONTHLY_OFFER_CAP, open: load.openOffers }))}
${fact(t("console.expert.consent"), expert.consentAt ? t("console.expert.consent_given", { at: shanghaiStamp(expert.consentAt) }) : t("console.expert.consent_none"))}
${fact(t("console.expert.binding"), bound ? t("console.expert.bound") : t("console.expert.unbound"))}
${fact(t("console.board.status"), expert.active ? (pausedAt(expert.paused, expert.pausedUntil, new Date()) ? t("console.expert.paused") : t("console.expert.active")) : t("console.expert.inactive"))}
</dl>`;
  const history = expert.matches.length
    ? html`<table class="list"><thead><tr><th>${t("console.board.code")}</th><th>${t("console.board.status")}</th>
<th>${t("console.expert.offered_at")}</th><th>${t("console.expert.introduced_at")}</th><th>${t("console.request.outcome")}</th>
<th>${t("console.expert.rating")}</th><th>${t("console.expert.feedback")}</th></tr></thead><tbody>${expert.matches.map(
        (match) => html`<tr>
<td><a href="/requests/${match.request.code}">${match.request.code}</a></td>
<td>${t(keyIn("console.match_status", match.status))}</td>
<td>${match.offeredAt ? shanghaiStamp(match.offeredAt) : "—"}</td>
<td>${match.introducedAt ? shanghaiStamp(match.introducedAt) : "—"}</td>
<td>${match.outcome ? t(keyIn("console.outcome", match.outcome)) : "—"}</td>
<td>${match.rating ? `★${match.rating}` : "—"}</td>
<td>${match.feedback ?? ""}</td></tr>`,
      )}</tbody></table>`
    : html`<p class="empty">${t("console.expert.no_history")}</p>`;
  return page(
    ctx,
    "experts",
    displayedName(t, expert.name),
    html`${facts}<h2>${t("console.expert.availability")}</h2>${calendar(ctx, data)}
<h2>${t("console.expert.history")}</h2>${history}${editForm(ctx, data, form, errors)}`,
  );
}
