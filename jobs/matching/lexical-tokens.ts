// Tokens for the plain-text fallback when a request names no skill of the taxonomy:
// Chinese character bigrams and Latin words, as the roster cells and the request share them.
import { foldText } from "../../core/understanding/term-matcher.ts";

const CJK_PAIR = /^[\u3400-\u9fff]{2}$/;

export function lexicalTokens(text: string): Set<string> {
  const folded = foldText(text);
  const tokens = new Set<string>();
  for (let i = 0; i + 1 < folded.length; i++) {
    const pair = folded.slice(i, i + 2);
    if (CJK_PAIR.test(pair)) tokens.add(pair);
  }
  for (const word of folded.match(/[a-z][a-z0-9]+/g) ?? []) tokens.add(word);
  return tokens;
}
