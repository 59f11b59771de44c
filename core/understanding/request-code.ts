// Request codes as people type them: R-0042, r0042, R 42, Ｒ－００４２ (already half-width by normalize).

const CODE = /(?<![A-Za-z0-9])[Rr]\s?[-#_]?\s?(\d{2,6})(?!\d)/;
const CODE_ALL = new RegExp(CODE.source, "g");

/** The first request code of `text` in its canonical form "R-0042", or null. */
export function findRequestCode(text: string): string | null {
  const m = CODE.exec(text);
  if (!m?.[1]) return null;
  return `R-${m[1].padStart(4, "0")}`;
}

/** `text` without request codes, so that their digits are not read as dates or ratings. */
export function withoutRequestCodes(text: string): string {
  return text.replace(CODE_ALL, " ");
}

// Anything a person may have meant as a code: R, a separator, digits (R1, R-0, R-99999999999).
const CODE_LIKE = /(?<![A-Za-z0-9])[Rr]\s?[-#_]?\s?\d+(?![\d])/;

/** A code-like token of `text` that is not a valid request code, or null: such a token never means "my latest". */
export function findMalformedRequestCode(text: string): string | null {
  if (findRequestCode(text)) return null;
  return CODE_LIKE.exec(text)?.[0]?.trim() ?? null;
}
