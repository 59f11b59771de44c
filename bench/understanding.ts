// Throughput of understand() over the labelled corpus: messages parsed per second and mean time per message.

import { readFileSync } from "node:fs";
import { understand } from "../core/understanding/understand.ts";

interface BenchResult {
  name: string;
  value: number;
  unit: string;
  [context: string]: unknown;
}

function corpusTexts(): string[] {
  const raw = readFileSync(new URL("../tests/understanding/corpus.jsonl", import.meta.url), "utf8");
  return raw
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

/** `smoke` runs one round only, to prove the benchmark still works. */
export async function runUnderstandingBench(options: { smoke?: boolean } = {}): Promise<BenchResult[]> {
  const texts = corpusTexts();
  const now = new Date("2026-11-23T10:00:00+08:00");
  // Warm up: the first calls load the knowledge files and the jieba dictionary.
  for (const text of texts) understand(text, { now });
  const rounds = options.smoke ? 1 : 20;
  const started = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const text of texts) understand(text, { now });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const messages = texts.length * rounds;
  const context = { messages, corpus: texts.length };
  return [
    { name: "understanding.throughput", value: Math.round(messages / seconds), unit: "messages/s", ...context },
    {
      name: "understanding.mean_latency",
      value: Number(((seconds / messages) * 1000).toFixed(4)),
      unit: "ms",
      ...context,
    },
  ];
}
