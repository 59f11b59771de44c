import { describe, expect, it } from "vitest";
import { keyIn, locales, readLocale, translator } from "../../core/i18n.ts";

function keys(object: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(object).flatMap(([key, value]) =>
    value && typeof value === "object"
      ? keys(value as Record<string, unknown>, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1] ?? "").sort();
}

describe("locales", () => {
  const source = readLocale("zh-CN");
  const sourceKeys = keys(source);

  it.each(locales)("%s has every key of the source language and no other", (locale) => {
    expect(keys(readLocale(locale)).sort()).toEqual([...sourceKeys].sort());
  });

  // A sentence may use a locale's own form of a value (skill -> skillEn), never a value the caller lacks.
  it.each(locales)("%s uses only the placeholders zh-CN uses (or their En forms)", (locale) => {
    const other = readLocale(locale);
    const lookup = (object: Record<string, unknown>, key: string) =>
      key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], object);
    for (const key of sourceKeys) {
      const allowed = placeholders(String(lookup(source, key))).flatMap((name) => [name, `${name}En`]);
      for (const name of placeholders(String(lookup(other, key)))) expect(allowed, `${locale} ${key}`).toContain(name);
    }
  });

  it("shows a key no locale has as the key itself, and refuses it when compiling", () => {
    const t = translator("en");
    // @ts-expect-error "no.such.key" is not a key of zh-CN.json, so tsc fails without this line.
    expect(t("no.such.key")).toBe("no.such.key");
    expect(t(keyIn("mode", "onsite"))).toBe("on site");
  });
});
