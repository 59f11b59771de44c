// Group discipline: in a busy WeChat group, ordinary chatter must not become requests, while real requests
// written without an @ still do. Prints both figures; the README quotes them.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { understand } from "../../core/understanding/understand.ts";
import { CORPUS_NOW, loadCorpus } from "./corpus-metrics.ts";

interface ChatterLine {
  text: string;
  lang: "zh" | "yue" | "en";
}

function loadChatter(): ChatterLine[] {
  return readFileSync(new URL("./chatter.jsonl", import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as ChatterLine);
}

describe("group discipline", () => {
  const now = new Date(CORPUS_NOW);
  const chatter = loadChatter();
  // Requests of the labelled corpus that nobody @-mentioned the bot in.
  const requests = loadCorpus().filter((l) => l.expect.intent === "request" && !/@/.test(l.text));
  const falseRequests = chatter.filter((l) => understand(l.text, { now }).intent === "request");
  const missed = requests.filter(
    (l) => understand(l.text, { now: new Date(l.now ?? CORPUS_NOW) }).intent !== "request",
  );
  const chatterRate = falseRequests.length / chatter.length;
  const recall = 1 - missed.length / requests.length;

  it("prints the chatter-to-request rate next to the recall of requests without an @", () => {
    console.log(
      `group discipline: ${falseRequests.length}/${chatter.length} chatter lines became requests ` +
        `(${(chatterRate * 100).toFixed(1)}%); recall of requests without an @ ` +
        `${requests.length - missed.length}/${requests.length} (${(recall * 100).toFixed(1)}%)`,
    );
    if (falseRequests.length > 0)
      console.log(`chatter taken as requests:\n${falseRequests.map((l) => l.text).join("\n")}`);
    if (missed.length > 0) console.log(`requests missed:\n${missed.map((l) => l.text).join("\n")}`);
    expect(chatter.length).toBeGreaterThanOrEqual(300);
    expect(new Set(chatter.map((l) => l.lang))).toEqual(new Set(["zh", "yue", "en"]));
    expect(chatterRate).toBeLessThanOrEqual(0.01);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
