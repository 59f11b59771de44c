// An expert's profile card as text: the roster facts, where and when they can help, and how this year went.
// The same card serves staff (/expert) and the expert (我的资料); only the phone line depends on who reads.

import { dayOf, yearRange } from "../../core/calendar.ts";
import { dayWords } from "../../core/day-words.ts";
import { lastPausedDay, pausedAt } from "../../core/expert-pause.ts";
import { keyIn, type Locale, type Translate } from "../../core/i18n.ts";
import { cityLabel } from "../../core/label.ts";
import { teamLabel } from "../../core/request-format.ts";
import { availabilityOf, awayWindowsOf } from "../../prisma/availability-slots.ts";
import type { Db } from "../../prisma/client.ts";
import { matchesOfferedBetween } from "../../prisma/expert-match-history.ts";
import type { Expert } from "../../prisma/generated/client.ts";
import { describeAway, describeSlots } from "../availability.ts";

export interface CardOptions {
  /** Phone shown, hidden as private (a staff member reading in a group), or left out. */
  phone: "show" | "private" | "omit";
  now?: Date;
}

export function parseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

function cityName(city: string, locale: Locale): string {
  return cityLabel(city, locale);
}

/** Slots still to come, in words, with the mode when every slot has the same one. */
async function availabilityLine(db: Db, t: Translate, expert: Expert, today: string): Promise<string> {
  const rows = await availabilityOf(db, expert.id);
  const current = rows.filter(
    (row) => (!row.date || row.date >= today) && (!row.validUntil || row.validUntil >= today),
  );
  if (current.length === 0) return t("profile.card.availability_none");
  const slots = describeSlots(t, current);
  const modes = new Set(current.map((row) => row.mode));
  const [mode] = [...modes];
  const until = current.find((row) => row.validUntil)?.validUntil;
  const text = slots + (until ? t("availability.until", { date: until }) : "");
  if (modes.size === 1 && mode && mode !== "either") {
    return t("profile.card.availability_mode", { slots: text, mode: t(keyIn("mode", mode)) });
  }
  return t("profile.card.availability", { slots: text });
}

/** Whether the expert takes offers now; a pause with an end says when it ends. */
function statusLine(t: Translate, expert: Expert, now: Date): string {
  if (!expert.active) return t("profile.card.inactive");
  if (!pausedAt(expert.paused, expert.pausedUntil, now)) return t("profile.card.taking");
  if (!expert.pausedUntil) return t("profile.card.paused");
  return t("profile.card.paused_until", {
    date: dayWords(t, lastPausedDay(expert.pausedUntil)),
    resume: dayWords(t, dayOf(expert.pausedUntil)),
  });
}

/** Days away still to come, or nothing when none were said. */
async function awayLines(db: Db, t: Translate, expert: Expert, today: string): Promise<string[]> {
  const windows = await awayWindowsOf(db, expert.id, today);
  return windows.length > 0 ? [t("profile.card.away", { days: describeAway(t, windows) })] : [];
}

/** Offers, acceptances, introductions, outcomes and ratings of the calendar year (Asia/Shanghai). */
async function yearLine(db: Db, t: Translate, expert: Expert, now: Date): Promise<string> {
  const year = yearRange(now);
  const matches = await matchesOfferedBetween(db, expert.id, year.from, year.to);
  const ratings = matches.map((match) => match.rating).filter((rating): rating is number => rating !== null);
  const average = ratings.length ? (ratings.reduce((sum, r) => sum + r, 0) / ratings.length).toFixed(1) : "—";
  return t("profile.card.year", {
    year: dayOf(now).slice(0, 4),
    offers: matches.length,
    accepted: matches.filter((match) => match.status === "accepted").length,
    introduced: matches.filter((match) => match.introducedAt !== null).length,
    solved: matches.filter((match) => match.outcome === "solved").length,
    rating: average,
  });
}

/** The card, one fact per line. */
export async function expertCard(
  db: Db,
  t: Translate,
  locale: Locale,
  expert: Expert,
  options: CardOptions,
): Promise<string> {
  const now = options.now ?? new Date();
  const none = t("profile.card.none");
  const sep = t("list.separator");
  const honours = parseList(expert.honours);
  const skills = parseList(expert.skills);
  const cities = parseList(expert.cities).filter((city) => city !== expert.city);
  const modes = [expert.canOnsite ? t("mode.onsite") : null, expert.canRemote ? t("mode.remote") : null].filter(
    (mode): mode is string => mode !== null,
  );
  const home = expert.city
    ? expert.district
      ? t("profile.card.home_district", { city: cityName(expert.city, locale), district: expert.district })
      : cityName(expert.city, locale)
    : none;
  const achievements = expert.achievements.length > 160 ? `${expert.achievements.slice(0, 160)}…` : expert.achievements;
  const lines = [
    t("profile.card.title", { name: expert.name, id: expert.externalId }),
    t("profile.card.honours", { value: honours.join(sep) || none }),
    t("profile.card.employer", { value: [expert.employer, expert.title].filter(Boolean).join(t("list.dot")) || none }),
    t("profile.card.team", { value: teamLabel(expert.teamKey, locale) ?? none }),
    t("profile.card.skills", { value: skills.join(sep) || none }),
    t("profile.card.achievements", { value: achievements || none }),
    t("profile.card.modes", { value: modes.join(sep) || none }),
    cities.length
      ? t("profile.card.cities_also", { city: home, cities: cities.map((c) => cityName(c, locale)).join(sep) })
      : t("profile.card.cities", { city: home }),
    statusLine(t, expert, now),
    await availabilityLine(db, t, expert, dayOf(now)),
    ...(await awayLines(db, t, expert, dayOf(now))),
    await yearLine(db, t, expert, now),
    expert.consentAt
      ? t("profile.card.consent_given", { date: dayOf(expert.consentAt) })
      : t("profile.card.consent_missing"),
  ];
  if (options.phone === "show") {
    lines.push(expert.phone ? t("profile.card.phone", { phone: expert.phone }) : t("profile.card.phone_none"));
  } else if (options.phone === "private") {
    lines.push(t("profile.card.phone_private"));
  }
  return lines.join("\n");
}
