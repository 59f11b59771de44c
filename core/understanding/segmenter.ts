// Chinese word segmentation with jieba's bundled dictionary plus the knowledge files' terms,
// so that 动车组检修, 振纹 or 松山湖 come out as one word. Built once, on first use.
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { placeTerms } from "./places.ts";
import { skillTerms } from "./skills.ts";
import { MAX_SCAN_CHARS } from "./term-matcher.ts";

// High enough that a custom term beats the ordinary words it contains.
const CUSTOM_FREQUENCY = 200_000;

let jieba: Jieba | undefined;

function instance(): Jieba {
  if (jieba) return jieba;
  const created = Jieba.withDict(dict);
  const words = new Set([...skillTerms(), ...placeTerms()].filter((w) => !/\s/.test(w)));
  const lines = [...words].map((word) => `${word} ${CUSTOM_FREQUENCY} n`).join("\n");
  created.loadDict(Buffer.from(lines, "utf8"));
  jieba = created;
  return created;
}

/** Words of a text without the whitespace tokens; at most MAX_SCAN_CHARS characters are cut. */
export function segment(text: string): string[] {
  const input = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
  return instance()
    .cut(input, false)
    .filter((word) => word.trim().length > 0);
}
