// Locales: zh-CN is the source language, en beside it. Handlers hold no user-facing strings;
// they call t(key, params). A missing key is logged and shows as the key itself.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import i18next, { type i18n } from "i18next";

export type Locale = "zh-CN" | "en";
export const locales: readonly Locale[] = ["zh-CN", "en"];

type Source = typeof import("../locales/zh-CN.json", { with: { type: "json" }});

/** Every path to a sentence in a locale tree: "intake.saved", "digest.reason.no_candidate". */
type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A key of zh-CN.json, the source language: `t("no.such.key")` does not compile. */
export type TranslationKey = Leaves<Source>;

type Branches<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? never : `${Prefix}${K}` | Branches<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A group of keys whose last part is named by data: "status", "mode", "reasons", "weekday". */
export type KeyFamily = Branches<Source>;

/**
 * The key for `name` in a family named by data (a stored status, a reason key, a weekday number). The
 * family is checked when compiling; a name the family lacks is logged as a missing key at run time.
 */
export function keyIn(family: KeyFamily, name: string | number): TranslationKey {
  return `${family}.${name}` as TranslationKey;
}

export type Translate = (key: TranslationKey, params?: Record<string, unknown>) => string;

const localesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "locales");

/** Reads one locale file as a nested object. */
export function readLocale(locale: Locale): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(localesDir, `${locale}.json`), "utf8"));
}

let instance: i18n | undefined;
const missing = new Set<string>();

function init(onMissing?: (key: string, locale: string) => void): i18n {
  if (instance) return instance;
  const created = i18next.createInstance();
  void created.init({
    initAsync: false,
    lng: "zh-CN",
    fallbackLng: false,
    resources: Object.fromEntries(locales.map((locale) => [locale, { translation: readLocale(locale) }])),
    interpolation: { escapeValue: false },
    returnNull: false,
    saveMissing: true,
    missingKeyHandler: (lngs, _ns, key) => {
      const id = `${lngs.join(",")}:${key}`;
      if (!missing.has(id)) {
        missing.add(id);
        onMissing?.(key, lngs.join(","));
      }
    },
  });
  instance = created;
  return created;
}

/** Returns a translator for one locale. */
export function translator(locale: Locale, onMissing?: (key: string, locale: string) => void): Translate {
  const t = init(onMissing).getFixedT(locale);
  return (key, params) => t(key, params ?? {}) as string;
}

/** zh-CN when the text has any Chinese character, en when it has Latin letters, otherwise null. */
export function detectLocale(text: string): Locale | null {
  if (/[\u3400-\u9fff\uf900-\ufaff]/.test(text)) return "zh-CN";
  if (/[A-Za-z]{2,}/.test(text)) return "en";
  return null;
}

export function isLocale(value: unknown): value is Locale {
  return value === "zh-CN" || value === "en";
}

/** A stored locale as a Locale; anything unknown reads as `fallback`. */
export function asLocale(value: unknown, fallback: Locale = "zh-CN"): Locale {
  return isLocale(value) ? value : fallback;
}
