// Names the knowledge holds in both languages (service teams, skills, cities) read in one locale.
import type { Locale } from "./i18n.ts";
import { cityEn } from "./understanding/places.ts";

/** An entry named in both languages, as the knowledge files write it. */
export interface Bilingual {
  zh: string;
  en: string;
}

// Which name each locale reads; a new locale fails to compile here until it is given one.
const nameIn: Record<Locale, keyof Bilingual> = { "zh-CN": "zh", en: "en" };

/** The entry's name in a locale. */
export function label(entry: Bilingual, locale: Locale): string {
  return entry[nameIn[locale]];
}

/** A city (stored in Chinese, as the roster writes it) named in a locale. */
export function cityLabel(city: string, locale: Locale): string {
  return label({ zh: city, en: cityEn(city) }, locale);
}
