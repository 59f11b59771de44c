// Locales: zh-CN is the source language, en beside it. Handlers hold no user-facing strings;
// they call t(key, params). A missing key is logged and shows as the key itself.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import i18next, { type i18n } from "i18next";

/** The languages the bot speaks; zh-CN first, the source language. */
export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];

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
// The first handler given reports every missing key, whichever translator met it: a translator made
// without one (at import time, say) must not silence the log.
let reportMissing: ((key: string, locale: string) => void) | undefined;

function init(onMissing?: (key: string, locale: string) => void): i18n {
  reportMissing ??= onMissing;
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
      if (reportMissing && !missing.has(id)) {
        missing.add(id);
        reportMissing(key, lngs.join(","));
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

// What says nothing about the writer's language: links, e-mail addresses, mentions, slash commands (also
// full-width ／), request codes, numbers with units, and acronyms or model names (PCB, SMT, OK, FANUC, 0i-MF).
const NOT_LANGUAGE = [
  /\b(?:https?:\/\/|www\.)\S+/gi,
  /\S+@\S+\.\S+/g,
  /(?:^|\s)[@＠]\S+/g,
  /(?:^|\s)[/／]\S*/g,
  /\b[A-Za-z]*\d[\w-]*\b/g,
  /\b[A-Z]{2,}s?\b/g,
  /\b(?:ok|okay|thx|ty|lol|haha|yes|no|emm+|hmm+)\b/gi,
];
const CHINESE = /[\u3400-\u9fff\uf900-\ufaff]/;
const ENGLISH_WORD = /[A-Za-z][a-z'’]+/g;

/**
 * The language a message is written in: zh-CN when it has a Chinese character; en only when, after links,
 * commands, codes, acronyms and acknowledgements (ok, thx) are set aside, two English words remain or the whole
 * message is one word ("help"); otherwise null, so a Chinese speaker who types "OK", "PCB" or a link keeps theirs.
 */
export function detectLocale(text: string): Locale | null {
  if (CHINESE.test(text)) return "zh-CN";
  let rest = text;
  for (const pattern of NOT_LANGUAGE) rest = rest.replace(pattern, " ");
  const words = rest.match(ENGLISH_WORD) ?? [];
  if (words.length >= 2) return "en";
  // One word alone ("help", "Thanks!") is English when it is the whole message and a word, not a name in capitals.
  const only = words[0];
  return only && only.length >= 4 && rest.replace(/[\s\p{P}\p{S}]/gu, "") === only ? "en" : null;
}

export function isLocale(value: unknown): value is Locale {
  return (locales as readonly unknown[]).includes(value);
}

/** A stored locale as a Locale; anything unknown reads as `fallback`. */
export function asLocale(value: unknown, fallback: Locale = "zh-CN"): Locale {
  return isLocale(value) ? value : fallback;
}
