// A character trie over many dictionary terms (skills, places), matched in one left-to-right pass.
// Linear in the text length times the longest term, so a 100 KB message stays well under a millisecond per KB.

/** How many characters of a text are scanned (as normalize.ts keeps); anything after is ignored. */
export const MAX_SCAN_CHARS = 2000;

const FULL_WIDTH = /[\uff01-\uff5e]/g;
const SEPARATORS = /[\s\-_/·・]+/g;
const ASCII_WORD = /[a-z0-9]/;

/**
 * Folds text for matching: full-width ASCII to half-width, lower case, runs of spaces, hyphens
 * and slashes to one space. Terms and messages go through the same fold, so "Li-ion", "li ion"
 * and "ＬＩ－ＩＯＮ" all match.
 */
export function foldText(text: string): string {
  const slice = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
  return slice
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
    .toLowerCase()
    .replace(SEPARATORS, " ");
}

export interface TermHit<T> {
  /** Folded term as stored. */
  term: string;
  start: number;
  end: number;
  payloads: readonly T[];
}

interface Node<T> {
  next: Map<string, Node<T>>;
  term?: string;
  payloads?: T[];
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && ASCII_WORD.test(c);
}

export class TermMatcher<T> {
  private readonly root: Node<T> = { next: new Map() };

  /** Adds a term; the same folded term may carry several payloads. */
  add(rawTerm: string, payload: T): void {
    const term = foldText(rawTerm).trim();
    if (term.length === 0) return;
    let node = this.root;
    // UTF-16 units, the same unit findAll steps through.
    for (const c of term.split("")) {
      let child = node.next.get(c);
      if (!child) {
        child = { next: new Map() };
        node.next.set(c, child);
      }
      node = child;
    }
    node.term = term;
    node.payloads ??= [];
    node.payloads.push(payload);
  }

  /** Every dictionary term found in already folded text, including overlapping ones. */
  findAll(folded: string): TermHit<T>[] {
    const hits: TermHit<T>[] = [];
    for (let start = 0; start < folded.length; start++) {
      const first = folded[start];
      // A Latin or digit term must not start inside a word ("ev" in "level").
      const startsInWord = isWordChar(folded[start - 1]);
      let node = first === undefined ? undefined : this.root.next.get(first);
      let i = start + 1;
      while (node) {
        if (node.term && node.payloads) {
          const end = this.wordEnd(folded, node.term, i);
          if (end >= 0 && !(startsInWord && isWordChar(first))) {
            hits.push({ term: node.term, start, end, payloads: node.payloads });
          }
        }
        const c = folded[i];
        if (c === undefined) break;
        node = node.next.get(c);
        i++;
      }
    }
    return hits;
  }

  /**
   * Hits not contained in a longer hit, in text order. Overlapping hits both stay: in 船舶电气自动化
   * both 船舶电气 and 电气自动化 are meant, while 焊接 inside 钢轨焊接 is not.
   */
  findLongest(folded: string): TermHit<T>[] {
    const all = this.findAll(folded);
    all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    // reach[p]: the furthest end of a kept (longer) hit that covers position p.
    const reach = new Uint32Array(folded.length + 1);
    const kept: TermHit<T>[] = [];
    for (const hit of all) {
      if ((reach[hit.start] ?? 0) >= hit.end) continue;
      kept.push(hit);
      for (let p = hit.start; p < hit.end; p++) if ((reach[p] ?? 0) < hit.end) reach[p] = hit.end;
    }
    return kept.sort((a, b) => a.start - b.start);
  }

  /** Returns where the match ends, allowing an English plural; -1 when it ends inside a word. */
  private wordEnd(folded: string, term: string, end: number): number {
    const last = term[term.length - 1];
    if (!isWordChar(last)) return end;
    if (!isWordChar(folded[end])) return end;
    if (folded[end] === "s" && !isWordChar(folded[end + 1])) return end + 1;
    if (folded.startsWith("es", end) && !isWordChar(folded[end + 2])) return end + 2;
    return -1;
  }

  /** The payloads of a whole folded string when it is exactly one term. */
  exact(rawTerm: string): readonly T[] {
    const term = foldText(rawTerm).trim();
    let node: Node<T> | undefined = this.root;
    for (const c of term.split("")) {
      node = node.next.get(c);
      if (!node) return [];
    }
    return node.term === term && node.payloads ? node.payloads : [];
  }
}
