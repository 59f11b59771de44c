// Text clean-up before any pattern runs: bounded length, half-width ASCII, no control or direction characters.
// Every later regex sees at most MAX_CHARS code units, which keeps the worst case linear and small.

/** How many characters of a message are analysed; anything after is ignored. */
export const MAX_CHARS = 2000;

// Read a little more raw text than we keep, so removed characters do not shorten the analysed text much.
const RAW_SLICE = MAX_CHARS * 4;

const ZERO_WIDTH_AND_BIDI = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;
// C0 and C1 controls except tab and newline, which are word breaks.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point of this pattern.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// Lone surrogates would break JSON output and some regex engines' assumptions.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// Unicode spaces, including U+2005 that WeChat puts after an @-mention.
const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\r]/g;
const FULL_WIDTH = /[\uff01-\uff5e]/g;

export function normalize(input: unknown): string {
  if (typeof input !== "string") return "";
  let text = input.length > RAW_SLICE ? input.slice(0, RAW_SLICE) : input;
  text = text
    .replace(LONE_SURROGATE, "")
    .replace(CONTROL, " ")
    .replace(ZERO_WIDTH_AND_BIDI, "")
    .replace(SPACES, " ")
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    // Dashes people type between dates, times and in request codes.
    .replace(/[\u2010-\u2015\u2212\u301c\uff5e]/g, "-")
    // One whitespace character per run: every later \\s* then matches at most one character, so no pattern
    // can backtrack over long runs of blanks.
    .replace(/\s+/g, (run) => (run.includes("\n") ? "\n" : " "))
    .trim();
  if (text.length > MAX_CHARS) {
    text = text.slice(0, MAX_CHARS);
    // Do not end on half a surrogate pair.
    if (/[\ud800-\udbff]$/.test(text)) text = text.slice(0, -1);
  }
  return text;
}
