// SQLite URLs: relative file paths resolved against the working directory, folders made on the way.
import { mkdirSync } from "node:fs";
import path from "node:path";

/** Turns `file:relative/path.db` into an absolute file URL and makes its folder. */
export function resolveSqliteUrl(url: string, cwd = process.cwd()): string {
  if (!url.startsWith("file:")) return url;
  const file = url.slice("file:".length);
  const absolute = path.isAbsolute(file) ? file : path.resolve(cwd, file);
  mkdirSync(path.dirname(absolute), { recursive: true });
  return `file:${absolute}`;
}
