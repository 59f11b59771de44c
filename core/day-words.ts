// A calendar day as people write it, in the reader's locale: 12月20日, 12/20.
import type { Translate } from "./i18n.ts";

/** A calendar day (YYYY-MM-DD) as people write it: 12月20日, 12/20. */
export function dayWords(t: Translate, day: string): string {
  return t("availability.day", { month: Number(day.slice(5, 7)), day: Number(day.slice(8, 10)) });
}
