// Field-level scoring of understand() over the labelled corpus. Only the fields a line labels are scored.

import { readFileSync } from "node:fs";
import type { AvailabilitySlot, Understanding, UnderstandOptions } from "../../core/understanding/types.ts";

export interface CorpusLine {
  text: string;
  now?: string;
  expect: Record<string, unknown> & { intent: string };
}

/** The corpus' reference time: Monday 2026-11-23, 10:00 in Asia/Shanghai. */
export const CORPUS_NOW = "2026-11-23T10:00:00+08:00";

export function loadCorpus(): CorpusLine[] {
  const raw = readFileSync(new URL("./corpus.jsonl", import.meta.url), "utf8");
  return raw
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as CorpusLine);
}

class Tally {
  hit = 0;
  total = 0;
  add(ok: boolean) {
    this.total++;
    if (ok) this.hit++;
  }
  get value() {
    return this.total === 0 ? 1 : this.hit / this.total;
  }
}

export interface CorpusReport {
  figures: Record<string, { value: number; n: number }>;
  misses: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const slotKey = (s: AvailabilitySlot) => `${s.weekday ?? "-"}|${s.date ?? "-"}|${s.startMinute}-${s.endMinute}`;

/** The parsed value of a labelled field, wherever that intent keeps it. */
function actual(u: Understanding, field: string): unknown {
  const r = new Map(Object.entries(u.request ?? {}));
  const a = new Map(Object.entries(u.availability ?? {}));
  const top = new Map(Object.entries(u));
  switch (field) {
    case "answer":
      return u.offerReply?.answer ?? null;
    case "code":
      return u.offerReply?.code ?? u.correction?.code ?? u.status?.code ?? u.code ?? null;
    case "correction":
      return u.correction?.changes ?? null;
    case "locale":
    case "addressed":
    case "rating":
    case "command":
      return top.get(field) ?? null;
    default:
      return r.get(field) ?? a.get(field) ?? null;
  }
}

export function scoreCorpus(
  lines: CorpusLine[],
  understand: (text: string, options?: UnderstandOptions) => Understanding,
): CorpusReport {
  const tallies = new Map<string, Tally>();
  const tally = (name: string) => {
    const found = tallies.get(name);
    if (found) return found;
    const t = new Tally();
    tallies.set(name, t);
    return t;
  };
  let skillTp = 0;
  let skillFp = 0;
  let skillFn = 0;
  let slotTp = 0;
  let slotFp = 0;
  let slotFn = 0;
  const misses: string[] = [];
  for (const line of lines) {
    const u = understand(line.text, { now: new Date(line.now ?? CORPUS_NOW) });
    const intentOk = u.intent === line.expect.intent;
    tally("intent").add(intentOk);
    if (!intentOk) misses.push(`intent ${line.expect.intent} -> ${u.intent}: ${line.text}`);
    for (const [field, want] of Object.entries(line.expect)) {
      if (field === "intent") continue;
      if (field === "skills") {
        const got = new Set((u.request?.skills ?? u.correction?.changes.skills ?? []).map((s) => s.key));
        const exp = new Set(want as string[]);
        for (const k of got) exp.has(k) ? skillTp++ : skillFp++;
        for (const k of exp) if (!got.has(k)) skillFn++;
        const ok = same([...got].sort(), [...exp].sort());
        tally("skills_exact").add(ok);
        if (!ok) misses.push(`skills ${[...exp]} -> ${[...got]}: ${line.text}`);
        continue;
      }
      if (field === "slots") {
        const got = new Set((u.availability?.slots ?? []).map(slotKey));
        const exp = new Set((want as AvailabilitySlot[]).map(slotKey));
        for (const k of got) exp.has(k) ? slotTp++ : slotFp++;
        for (const k of exp) if (!got.has(k)) slotFn++;
        const ok = same([...got].sort(), [...exp].sort());
        tally("slots_exact").add(ok);
        if (!ok) misses.push(`slots ${[...exp]} -> ${[...got]}: ${line.text}`);
        continue;
      }
      // Fields of a request or an availability are only scored when the intent was right.
      if (!intentOk && !["locale", "addressed"].includes(field)) continue;
      const got = actual(u, field);
      const ok =
        field === "cities"
          ? same([...((got as string[]) ?? [])].sort(), [...(want as string[])].sort())
          : same(got, want);
      tally(field).add(ok);
      if (!ok) misses.push(`${field} ${JSON.stringify(want)} -> ${JSON.stringify(got)}: ${line.text}`);
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const figures: CorpusReport["figures"] = Object.fromEntries([
    ...[...tallies].map(([name, t]) => [name, { value: t.value, n: t.total }] as const),
    ["skills_precision", { value: ratio(skillTp, skillTp + skillFp), n: skillTp + skillFp }],
    ["skills_recall", { value: ratio(skillTp, skillTp + skillFn), n: skillTp + skillFn }],
    ["slots_precision", { value: ratio(slotTp, slotTp + slotFp), n: slotTp + slotFp }],
    ["slots_recall", { value: ratio(slotTp, slotTp + slotFn), n: slotTp + slotFn }],
  ]);
  return { figures, misses };
}
