// How a help request reads in a message: "精密制造 · 数控加工 · 东莞 · 现场 · 11-30 至 12-06".
import { keyIn, type Locale, type Translate } from "./i18n.ts";
import { jsonArray } from "./json-list.ts";
import { label } from "./label.ts";
import { redactPhones } from "./log.ts";
import teams from "./understanding/knowledge/teams.json" with { type: "json" };
import { cityEntry } from "./understanding/places.ts";
import type { SkillRef } from "./understanding/types.ts";

export interface RequestFields {
  code: string;
  text: string;
  skills: string;
  teamKey: string | null;
  city: string | null;
  district: string | null;
  /** JSON array of every city accepted when more than one was named; "[]" otherwise. */
  cities?: string;
  mode: string;
  windowStart: string | null;
  windowEnd: string | null;
}

export function requestSkills(row: Pick<RequestFields, "skills">): SkillRef[] {
  return jsonArray(row.skills) as SkillRef[];
}

export function teamLabel(key: string | null, locale: Locale): string | null {
  const team = teams.find((candidate) => candidate.key === key);
  if (!team) return null;
  return label(team, locale);
}

export function skillLabels(row: Pick<RequestFields, "skills">, locale: Locale): string[] {
  return requestSkills(row).map((skill) => label(skill, locale));
}

/** "11-30" style short date from an ISO date. */
function shortDate(iso: string): string {
  return iso.slice(5);
}

export function describeWindow(t: Translate, row: Pick<RequestFields, "windowStart" | "windowEnd">): string {
  if (!row.windowStart) return t("window.none");
  if (!row.windowEnd || row.windowEnd === row.windowStart)
    return t("window.day", { start: shortDate(row.windowStart) });
  return t("window.range", { start: shortDate(row.windowStart), end: shortDate(row.windowEnd) });
}

/** "广州或者佛山都可以": every city accepted, the request's own city first; "[]" for one city or none. */
export function citiesOf(parsed: { city: string | null; cities?: readonly string[] }): string {
  const others = (parsed.cities ?? []).filter((city) => city !== parsed.city);
  return JSON.stringify(parsed.city && others.length > 0 ? [parsed.city, ...others] : []);
}

/** Every city a request accepts: the cities list when it names several, else its one city (or none). */
export function requestCities(row: Pick<RequestFields, "city" | "cities">): string[] {
  const listed = jsonArray(row.cities ?? "[]").filter((city): city is string => typeof city === "string");
  if (listed.length > 1) return listed;
  return row.city ? [row.city] : [];
}

/**
 * "东莞长安" in Chinese, "Dongguan" in English (districts have no reliable English form); a request that accepts
 * several cities reads "广州或佛山", "Guangzhou or Foshan".
 */
export function describePlace(
  t: Translate,
  row: Pick<RequestFields, "city" | "district" | "cities">,
  locale: Locale = "zh-CN",
): string {
  if (!row.city) return t("intake.summary_no_city");
  const name = (city: string) => (locale === "en" ? (cityEntry(city)?.en[0] ?? city) : city);
  const cities = requestCities(row);
  if (cities.length > 1) {
    const last = cities[cities.length - 1] ?? "";
    return t("list.either", {
      items: cities.slice(0, -1).map(name).join(t("list.separator")),
      last: name(last),
    });
  }
  if (locale === "en") return name(row.city);
  return row.district ? `${row.city}${row.district}` : row.city;
}

/** One line with everything the bot understood of a request. */
export function describeRequest(t: Translate, locale: Locale, row: RequestFields): string {
  const skills = skillLabels(row, locale);
  const parts = [
    teamLabel(row.teamKey, locale),
    skills.length ? skills.join(t("list.separator")) : t("intake.summary_unknown_skill"),
    describePlace(t, row, locale),
    t(keyIn("mode", row.mode)),
    row.windowStart ? describeWindow(t, row) : t("intake.summary_no_window"),
  ].filter((part): part is string => Boolean(part));
  return parts.join(t("list.dot"));
}

/** The problem as the enterprise put it, without mentions or phone numbers, short enough for a card. */
export function problemExcerpt(text: string, max = 80): string {
  const cleaned = redactPhones(text)
    .replace(/\d{3}\*{4}\d{4}/g, "")
    .replace(/(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g, "")
    .replace(/@\S+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return cleaned.length > max ? `${cleaned.slice(0, max)}…` : cleaned;
}
