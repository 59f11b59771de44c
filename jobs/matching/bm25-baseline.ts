// The plain baseline every matcher must beat, measured in the same run: BM25 over character bigrams of the
// whole profile (name, honours, employer, title, city, team, skills, achievements, modes), as the eval set's
// score.py computes it.
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";

const K1 = 1.2;
const B = 0.75;

function bigrams(text: string): string[] {
  const folded = text.toLowerCase().replace(/\s+/g, "");
  const tokens: string[] = [];
  for (let i = 0; i + 1 < folded.length; i++) tokens.push(folded.slice(i, i + 2));
  tokens.push(...(folded.match(/[a-z0-9]+/g) ?? []));
  return tokens;
}

/** A CSV roster's profiles as score.py reads them: id, and the cells from name to modes as one text. */
export async function rosterTexts(file: string): Promise<{ id: string; text: string }[]> {
  const [, ...rows] = parse(await readFile(file, "utf8"), { relaxColumnCount: true }) as string[][];
  return rows.map((cells) => ({ id: cells[0] ?? "", text: cells.slice(1, 10).join(" ") }));
}

/** Roster ids ranked by BM25 for each request text, best first, at most `top`. */
export function bm25Rankings(
  profiles: readonly { id: string; text: string }[],
  texts: readonly string[],
  top: number,
): string[][] {
  const docs = profiles.map((row) => {
    const tokens = bigrams(row.text);
    const tf = new Map<string, number>();
    for (const token of tokens) tf.set(token, (tf.get(token) ?? 0) + 1);
    return { id: row.id, length: tokens.length, tf };
  });
  const df = new Map<string, number>();
  for (const doc of docs) for (const token of doc.tf.keys()) df.set(token, (df.get(token) ?? 0) + 1);
  const n = docs.length;
  const mean = docs.reduce((sum, doc) => sum + doc.length, 0) / Math.max(1, n);
  return texts.map((text) => {
    const query = bigrams(text);
    const scored = docs.map((doc) => {
      let score = 0;
      for (const token of query) {
        const tf = doc.tf.get(token);
        if (!tf) continue;
        const d = df.get(token) ?? 0;
        const idf = Math.log(1 + (n - d + 0.5) / (d + 0.5));
        score += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / mean));
      }
      return { id: doc.id, score };
    });
    // A stable sort: equal scores keep the roster's order, as Python's sorted does.
    return scored
      .sort((a, b) => b.score - a.score)
      .slice(0, top)
      .map((doc) => doc.id);
  });
}
