// Every sentence a user reads lives in locales/. This reads the string literals of the source and fails on
// any Chinese text outside the places that hold words the bot reads rather than writes.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const sourceFolders = ["bot", "handlers", "jobs", "core", "prisma", "cli"];
// Han characters, CJK punctuation and full-width forms.
const chinese = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Whole folders or files of words the bot reads: dictionaries, patterns, the roster's own headers. */
const readingTables = [
  "core/understanding/",
  "core/roster/roster-headers.ts",
  "core/roster/parse-modes.ts",
  "handlers/profile/profile-edits.ts",
  // Words of a request that say "help us" rather than what the problem is: retrieval leaves them out.
  "jobs/matching/profile-terms.ts",
  "prisma/generated/",
  "prisma/postgres/generated/",
];

/** Single literals that are words users type, names or file formats rather than sentences. */
const allowed: Record<string, string[]> = {
  // Command aliases people type.
  "handlers/commands.ts": ["帮助", "我的资料"],
  "handlers/staff/request-list.ts": ["服务队", "队"],
  "handlers/staff/staff-members.ts": ["添加", "增加", "删除", "移除"],
  // WeChat's rendering of card buttons and the full-width digits people answer with.
  "bot/adapters/wechaty/numbered-choices.ts": ["【", "】", "　", "０１２３４５６７８９"],
  // The terminal's default speaker and the default names in the settings.
  "bot/adapters/terminal.ts": ["访客"],
  "core/config.ts": ["匠桥", "工会小陈"],
  "cli/program.ts": ["匠桥 craftbridge — matching model workers and master craftsmen with enterprises"],
  // The name an erased expert's row keeps in the database, which roster imports recognise.
  "core/roster/erased-expert.ts": ["（已注销）"],
  // The roster file as staff write it, so that an exported file imports again.
  "prisma/roster/export-roster.ts": ["现场", "远程", "、", "劳模工匠名单"],
};

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(root, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
}

function chineseLiterals(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(root, file), "utf8"), ts.ScriptTarget.Latest);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node)) &&
      chinese.test(node.text)
    ) {
      found.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("sentences in code", () => {
  const files = sourceFolders.flatMap(sourceFiles);
  const scanned = files.filter((file) => !readingTables.some((table) => file.startsWith(table)));

  it("finds the source files", () => {
    expect(scanned).toContain("handlers/commands.ts");
  });

  it("holds no Chinese text outside locales/ and the reading tables", () => {
    const stray = scanned.flatMap((file) =>
      chineseLiterals(file)
        .filter((text) => !(allowed[file] ?? []).includes(text))
        .map((text) => `${file}: ${JSON.stringify(text)}`),
    );
    expect(stray).toEqual([]);
  });

  it("allows only literals that are still there", () => {
    for (const [file, texts] of Object.entries(allowed)) {
      const present = chineseLiterals(file);
      for (const text of texts) expect(present, file).toContain(text);
    }
  });

  it("catches a sentence written in code", () => {
    const fixture = "tests/unit/fixtures/sentence-in-code.ts";
    expect(chineseLiterals(fixture)).toEqual(["已收到您的需求。"]);
  });
});
