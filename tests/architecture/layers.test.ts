// The direction of imports is enforced by `npm run lint`; these tests show the rule holds on the
// tree and that it fails on a deliberate breach of each kind.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkLayers, knownDebts } from "./check-layers.ts";

const repoRoot = path.resolve(import.meta.dirname, "..", "..");
let scratch: string | undefined;

function tree(files: Record<string, string>): string {
  scratch = mkdtempSync(path.join(tmpdir(), "layers-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(scratch, name)), { recursive: true });
    writeFileSync(path.join(scratch, name), text);
  }
  return scratch;
}

afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

describe("the direction of imports", () => {
  it("holds on this tree, and the known debts are real (a paid debt leaves the list)", () => {
    const debts = knownDebts(repoRoot);
    expect(checkLayers(repoRoot, debts)).toEqual([]);
    const breaches = new Set(checkLayers(repoRoot).map((breach) => `${breach.rule} ${breach.file}`));
    expect([...debts].filter((debt) => !breaches.has(debt))).toEqual([]);
  });

  it("refuses a data file that imports the bot, a cycle, an SDK outside the adapters and SQL in a job", () => {
    const root = tree({
      "prisma/repo.ts": 'import { app } from "../bot/app.ts";\nexport const repo = app;\n',
      "bot/app.ts": "export const app = 1;\n",
      "core/a.ts": 'import { b } from "./b.ts";\nexport const a = b;\n',
      "core/b.ts": 'import type { a } from "./a.ts";\nexport const b = 1 as unknown as typeof a;\n',
      "handlers/wechat.ts": 'import { WechatyBuilder } from "wechaty";\nexport const w = WechatyBuilder;\n',
      "jobs/count.ts": 'export const q = "SELECT COUNT(*) FROM HelpRequest";\n',
      "jobs/find.ts": "export const f = (db: any) => db.expert.findMany({});\n",
      "bot/console.ts": 'import { page } from "../console/page.ts";\nexport const c = page;\n',
      "console/page.ts": "export const page = 1;\n",
    });
    const found = checkLayers(root).map((breach) => `${breach.rule} ${breach.file}`);
    expect(found.sort()).toEqual(
      [
        "upward prisma/repo.ts",
        "cycle core/a.ts",
        "sdk handlers/wechat.ts",
        "sql jobs/count.ts",
        "prisma jobs/find.ts",
        "sideways bot/console.ts",
      ].sort(),
    );
  });
});
