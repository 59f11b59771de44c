// A staff edit of a profile, checked as a roster row is: a known Guangdong city, a real service team,
// a phone in one of the accepted spellings, at least one way to serve.
import type { Translate } from "../core/i18n.ts";
import { normaliseCity } from "../core/roster/normalise-city.ts";
import { normalisePhone } from "../core/roster/normalise-phone.ts";
import { serviceTeams } from "../core/roster/resolve-team.ts";
import { splitList } from "../core/roster/split-list.ts";
import type { ExpertEdit } from "../prisma/console-experts.ts";
import type { ExpertForm } from "./pages/profile-page.ts";

export const editFields = [
  "name",
  "employer",
  "title",
  "city",
  "teamKey",
  "skills",
  "honours",
  "achievements",
  "phone",
  "canOnsite",
  "canRemote",
  "paused",
] as const;

export function formFromBody(body: Record<string, string | File>): ExpertForm {
  const form: ExpertForm = {};
  for (const field of editFields) {
    const value = body[field];
    form[field] = typeof value === "string" ? value.trim() : "";
  }
  return form;
}

export function validateEdit(form: ExpertForm, t: Translate): { edit: ExpertEdit; errors: [] } | { errors: string[] } {
  const errors: string[] = [];
  const name = form["name"] ?? "";
  if (!name || name.length > 50) errors.push(t("console.expert.errors.name"));
  const place = normaliseCity(form["city"] ?? "");
  if (!place.city || !place.known) errors.push(t("console.expert.errors.city", { city: form["city"] ?? "" }));
  const teamKey = form["teamKey"] || null;
  if (teamKey && !serviceTeams.some((team) => team.key === teamKey)) errors.push(t("console.expert.errors.team"));
  const phone = normalisePhone(form["phone"] ?? "");
  if (!phone.ok) errors.push(t("console.expert.errors.phone"));
  const canOnsite = Boolean(form["canOnsite"]);
  const canRemote = Boolean(form["canRemote"]);
  if (!canOnsite && !canRemote) errors.push(t("console.expert.errors.mode"));
  const skills = splitList(form["skills"] ?? "");
  if (skills.length === 0) errors.push(t("console.expert.errors.skills"));
  if (errors.length > 0 || !phone.ok) return { errors };
  return {
    errors: [],
    edit: {
      name,
      employer: form["employer"] ?? "",
      title: form["title"] ?? "",
      city: place.city,
      district: place.district,
      teamKey,
      skills,
      honours: splitList(form["honours"] ?? ""),
      achievements: form["achievements"] ?? "",
      canOnsite,
      canRemote,
      paused: Boolean(form["paused"]),
      phone: phone.phone,
    },
  };
}
