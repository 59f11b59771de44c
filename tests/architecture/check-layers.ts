// The direction of imports (DESIGN.md "Rooms"): a file imports only its own floor or floors below it,
// no two files import each other in a cycle, platform SDKs stay in bot/adapters/, and SQL or Prisma
// model calls stay in prisma/. Run by `npm run lint`; prints every breach and exits 1 on any.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** Floors from the ground up; folders on one floor may not import each other. */
export const floors: Record<string, number> = {
  locales: 0,
  core: 1,
  prisma: 2,
  jobs: 3,
  handlers: 4,
  bot: 5,
  console: 5,
  cli: 6,
  bench: 7,
};

const platformSdks = [/^wechaty(-puppet.*)?(\/|$)/, /^@larksuiteoapi\/node-sdk(\/|$)/];
const sqlText =
  /["'`]\s*(SELECT\s[\s\S]*?\sFROM\s|INSERT\s+INTO\s|UPDATE\s+["`]?\w+["`]?\s+SET\s|DELETE\s+FROM\s|CREATE\s+(UNIQUE\s+)?(TABLE|INDEX)\s|PRAGMA\s)/i;
const prismaCall =
  /\b(?:db|tx|prisma|client)\.(?!\$)[a-z]\w*\.(?:findMany|findUnique|findFirst|findUniqueOrThrow|findFirstOrThrow|create|createMany|update|updateMany|upsert|delete|deleteMany|count|aggregate|groupBy)\(|\.\$(?:transaction|queryRaw|executeRaw|queryRawUnsafe|executeRawUnsafe)\b/;

export interface Breach {
  file: string;
  rule: "upward" | "sideways" | "cycle" | "sdk" | "sql" | "prisma";
  detail: string;
}

function sourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, dir))) {
    const rel = path.join(dir, name);
    if (name === "node_modules" || name.startsWith("generated")) continue;
    if (statSync(path.join(root, rel)).isDirectory()) out.push(...sourceFiles(root, rel));
    else if (/\.(ts|mts|js)$/.test(name) && !name.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

const importPattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm;

function importsOf(source: string): string[] {
  return [...withoutComments(source).matchAll(importPattern)].map((m) => m[1] as string);
}

/** Every breach of the rules in the tree at `root`. `allowed` lists known debts as "rule file". */
export function checkLayers(root: string, allowed: ReadonlySet<string> = new Set()): Breach[] {
  const files = Object.keys(floors)
    .filter((dir) => {
      try {
        return statSync(path.join(root, dir)).isDirectory();
      } catch {
        return false;
      }
    })
    .flatMap((dir) => sourceFiles(root, dir));
  const known = new Set(files);
  const breaches: Breach[] = [];
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const source = readFileSync(path.join(root, file), "utf8");
    const room = file.split(path.sep)[0] as string;
    const edges: string[] = [];
    for (const specifier of importsOf(source)) {
      if (specifier.startsWith(".")) {
        const target = path.normalize(path.join(path.dirname(file), specifier));
        const targetRoom = target.split(path.sep)[0] as string;
        if (known.has(target)) edges.push(target);
        const from = floors[room] as number;
        const to = floors[targetRoom];
        if (to === undefined) {
          if (targetRoom !== "node_modules") breaches.push({ file, rule: "upward", detail: `imports ${target}` });
        } else if (to > from) breaches.push({ file, rule: "upward", detail: `imports ${target}` });
        else if (to === from && targetRoom !== room)
          breaches.push({ file, rule: "sideways", detail: `imports ${target}` });
      } else if (platformSdks.some((sdk) => sdk.test(specifier)) && !file.startsWith(path.join("bot", "adapters"))) {
        breaches.push({ file, rule: "sdk", detail: `imports ${specifier}` });
      }
    }
    graph.set(file, edges);
    // Benches measure raw SQL on purpose, as the floor our own path is compared with.
    if (room !== "prisma" && room !== "bench") {
      const code = withoutComments(source);
      const sql = sqlText.exec(code);
      if (sql) breaches.push({ file, rule: "sql", detail: sql[0].trim().slice(0, 40) });
      const call = prismaCall.exec(code);
      if (call) breaches.push({ file, rule: "prisma", detail: call[0] });
    }
  }
  for (const cycle of cyclesOf(graph))
    breaches.push({ file: cycle[0] as string, rule: "cycle", detail: cycle.join(" -> ") });
  return breaches.filter((breach) => !allowed.has(`${breach.rule} ${breach.file}`));
}

/** Strongly connected components with more than one file (Tarjan). */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** Known debts being paid off: "rule file". The list only shrinks. */
export function knownDebts(root: string): Set<string> {
  try {
    const text = readFileSync(path.join(root, "tests", "architecture", "known-debts.txt"), "utf8");
    return new Set(
      text
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith("#")),
    );
  } catch {
    return new Set();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const root = process.argv[2] ?? process.cwd();
  const breaches = checkLayers(root, knownDebts(root));
  for (const breach of breaches) console.error(`${breach.rule}: ${breach.file} ${breach.detail}`);
  if (breaches.length > 0) {
    console.error(`${breaches.length} breach(es) of the direction of imports (DESIGN.md, CONTRIBUTING.md)`);
    process.exit(1);
  }
  console.log("Imports run one way: no upward import, no cycle, SDKs in bot/adapters/, SQL in prisma/.");
}
