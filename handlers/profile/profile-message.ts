// An expert looks at and corrects their own profile in the chat, and says they agree to be contacted.
// The card goes privately (it holds their phone); corrections are answered where they were made.

import { cityLabel } from "../../core/label.ts";
import { normalisePhone } from "../../core/roster/normalise-phone.ts";
import { splitList } from "../../core/roster/split-list.ts";
import { canonicalCity, extractCities } from "../../core/understanding/places.ts";
import { extractSkills } from "../../core/understanding/skills.ts";
import { openOfferCount } from "../../prisma/expert-match-history.ts";
import { expertById, recordExpertConsent, updateExpertProfile } from "../../prisma/expert-records.ts";
import type { HandlerContext } from "../context.ts";
import { expertCard, parseList } from "./expert-card.ts";
import { type ProfileEdit, parseProfileEdit } from "./profile-edits.ts";

const maxTextField = 100;

/** Handles the message when it is about the speaker's own profile; returns false otherwise. */
export async function handleProfileMessage(ctx: HandlerContext): Promise<boolean> {
  const { message, chat, speaker, understanding } = ctx;
  if (message.press || understanding.intent === "command") return false;
  if (!(message.mentionsBot || understanding.addressed || chat.kind === "direct")) return false;
  const edit = parseProfileEdit(message.text);
  if (!edit) return false;
  if (!speaker.expertId) {
    // Someone else's "城市改成佛山" corrects their request; only the card itself is an expert's alone.
    if (edit.kind !== "show") return false;
    await ctx.reply(ctx.t("profile.not_expert"));
    return true;
  }
  if (edit.kind === "show") {
    await showOwnProfile(ctx, speaker.expertId);
    return true;
  }
  if (edit.kind === "consent") return recordConsent(ctx, speaker.expertId);
  await applyEdit(ctx, speaker.expertId, edit);
  return true;
}

export async function showOwnProfile(ctx: HandlerContext, expertId: string): Promise<void> {
  const { services, t, locale, chat } = ctx;
  const expert = await expertById(services.db, expertId);
  const card = await expertCard(services.db, t, locale, expert, { phone: "show" });
  const hints = [t("profile.edit_hint"), expert.consentAt ? null : t("profile.consent_hint")].filter(Boolean);
  await ctx.replyPrivately([card, ...hints].join("\n"));
  if (chat.kind !== "direct") await ctx.reply(t("profile.sent_privately"));
}

/**
 * "同意": recorded the first time. With an offer waiting, the same word also accepts it, so the message
 * goes on to the offer reply after the consent is stored.
 */
async function recordConsent(ctx: HandlerContext, expertId: string): Promise<boolean> {
  const { db } = ctx.services;
  const expert = await expertById(db, expertId);
  if (!expert.consentAt) await recordExpertConsent(db, expertId, new Date());
  const offered = await openOfferCount(db, expertId);
  if (offered > 0) return false;
  await ctx.reply(ctx.t(expert.consentAt ? "profile.consent_already" : "profile.consent_recorded"));
  return true;
}

async function applyEdit(
  ctx: HandlerContext,
  expertId: string,
  edit: Exclude<ProfileEdit, { kind: "show" | "consent" }>,
) {
  const { services, t, locale } = ctx;
  const { db } = services;
  const expert = await expertById(db, expertId);
  const sep = t("list.separator");
  const cityName = (city: string) => cityLabel(city, locale);
  if (edit.kind === "set") {
    if (edit.field === "city") {
      const city = canonicalCity(edit.value) ?? extractCities(edit.value)[0];
      if (!city) return ctx.reply(t("profile.unknown_city", { city: edit.value }));
      await updateExpertProfile(db, expertId, { city, district: null });
      return ctx.reply(t("profile.city_set", { city: cityName(city) }));
    }
    if (edit.field === "phone") {
      const phone = normalisePhone(edit.value);
      if (!phone.ok || !phone.phone) return ctx.reply(t("profile.bad_phone", { phone: edit.value }));
      await updateExpertProfile(db, expertId, { phone: phone.phone });
      return ctx.reply(t("profile.phone_set", { phone: phone.phone }));
    }
    const value = edit.value.slice(0, maxTextField);
    await updateExpertProfile(db, expertId, edit.field === "employer" ? { employer: value } : { title: value });
    return ctx.reply(t(`profile.${edit.field}_set`, { value }));
  }
  if (edit.list === "cities") {
    const named = extractCities(edit.value);
    if (named.length === 0) return ctx.reply(t("profile.unknown_city", { city: edit.value }));
    const current = parseList(expert.cities);
    const cities =
      edit.kind === "add" ? [...new Set([...current, ...named])] : current.filter((city) => !named.includes(city));
    await updateExpertProfile(db, expertId, { cities: JSON.stringify(cities) });
    return ctx.reply(t("profile.cities_set", { cities: cities.map(cityName).join(sep) || t("profile.card.none") }));
  }
  const items = splitList(edit.value).map((item) => item.slice(0, 40));
  const current = parseList(expert.skills);
  if (edit.kind === "remove") {
    const kept = current.filter((skill) => !items.includes(skill));
    if (kept.length === current.length) {
      return ctx.reply(t("profile.skill_not_found", { skills: items.join(sep), current: current.join(sep) }));
    }
    await updateExpertProfile(db, expertId, { skills: JSON.stringify(kept) });
    return ctx.reply(t("profile.skills_set", { skills: kept.join(sep) || t("profile.card.none") }));
  }
  const skills = [...new Set([...current, ...items])];
  await updateExpertProfile(db, expertId, { skills: JSON.stringify(skills) });
  // A skill the taxonomy does not know still counts as written, but matching will not find it by meaning.
  const unknown = items.filter((item) => !current.includes(item) && extractSkills(item).length === 0);
  const reply = t("profile.skills_set", { skills: skills.join(sep) });
  await ctx.reply(unknown.length ? `${reply}\n${t("profile.skills_unknown", { skills: unknown.join(sep) })}` : reply);
}
