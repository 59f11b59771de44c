// Admins manage who runs the programme: the staff list with each member's role, an add form and a remove
// button per member. Both run the chat's own `/staff` command.
import { keyIn } from "../../core/i18n.ts";
import { teamLabel } from "../../core/request-format.ts";
import { serviceTeams } from "../../core/roster/resolve-team.ts";
import { type Html, html } from "../html.ts";
import { csrfField, type PageContext, page } from "../layout.ts";

export interface StaffRow {
  personId: string;
  displayName: string;
  role: string;
  staffTeamKey: string | null;
  /** How the chat's `/staff remove` names this one person: an account (platform:id) when they have one. */
  handle: string;
  accounts: string[];
}

export const staffRoleChoices = ["staff", "team_leader", "admin"] as const;

export function staffPage(ctx: PageContext, members: StaffRow[]): Html {
  const { t, locale } = ctx;
  const roleOf = (row: StaffRow) =>
    t(keyIn("roles.names", row.role), { team: teamLabel(row.staffTeamKey, locale) ?? "—" });
  const rows = members.map(
    (row) => html`<tr>
<td>${row.displayName}</td>
<td>${roleOf(row)}</td>
<td>${row.accounts.join(t("list.separator")) || "—"}</td>
<td>${
      row.personId === ctx.viewer.personId
        ? ""
        : html`<form method="post" action="/staff/remove" class="inline" data-confirm="${t("console.staff.remove_confirm", { name: row.displayName })}">${csrfField(ctx)}<input type="hidden" name="who" value="${row.handle}"><button type="submit" aria-label="${t("console.staff.remove_named", { name: row.displayName })}">${t("console.staff.remove")}</button></form>`
    }</td>
</tr>`,
  );
  const list = members.length
    ? html`<table class="list"><thead><tr><th>${t("console.expert.name")}</th><th>${t("console.staff.role")}</th><th>${t("console.staff.accounts")}</th><th></th></tr></thead><tbody>${rows}</tbody></table>`
    : html`<p class="empty">${t("roles.nobody")}</p>`;
  const add = html`<h2>${t("console.staff.add_title")}</h2>
<form method="post" action="/staff/add" class="filters">${csrfField(ctx)}
<label>${t("console.staff.who")} <input type="text" name="who" required maxlength="100"></label>
<label>${t("console.staff.role")} <select name="role">${staffRoleChoices.map(
    (role) => html`<option value="${role}">${t(keyIn("roles.names", role), { team: "" })}</option>`,
  )}</select></label>
<label>${t("console.staff.team")} <select name="team"><option value="">—</option>${serviceTeams.map(
    (team) => html`<option value="${team.key}">${locale === "en" ? team.en : team.zh}</option>`,
  )}</select></label>
<button type="submit">${t("console.staff.add")}</button>
</form>
<p class="hint">${t("console.staff.hint")}</p>`;
  return page(ctx, "staff", t("console.nav.staff"), html`${list}${add}`);
}
