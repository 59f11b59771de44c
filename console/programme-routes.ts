// The programme page (the digest's own tally, so the numbers are those of /digest), the roster export and
// the roster import by upload, reported as the chat reports it.

import { randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { bodyLimit } from "hono/body-limit";
import { keyIn } from "../core/i18n.ts";
import { RosterError, readRosterFile } from "../core/roster/read-roster-file.ts";
import { rosterReportLines } from "../core/roster/roster-report.ts";
import { teamScope } from "../handlers/staff/roles.ts";
import { figuresOf } from "../jobs/digest/digest-figures.ts";
import { digestTally } from "../jobs/digest/digest-tally.ts";
import { countDemoExperts, hoursToFirstAcceptance, requestsPerDay } from "../prisma/console-programme.ts";
import { exportRoster } from "../prisma/roster/export-roster.ts";
import { importRoster } from "../prisma/roster/import-roster.ts";
import { type ConsoleApp, type ConsoleDeps, formOf } from "./console-deps.ts";
import { figuresCsv, figuresXlsx, xlsxType } from "./figures-file.ts";
import type { PageContext } from "./layout.ts";
import { type ProgrammeData, periodDays, programmePage, programmeTables } from "./pages/programme-page.ts";

const dayMs = 24 * 3600 * 1000;

/** The chat's rule: team leaders do not import or export the whole roster. */
function mayManageRoster(ctx: PageContext): boolean {
  return teamScope(ctx.viewer) === null;
}

async function importUpload(ctx: PageContext, file: File): Promise<string[]> {
  const { t, services } = ctx;
  const extension = path.extname(file.name).toLowerCase();
  if (file.size > services.config.uploads.maxBytes) {
    return [t("console.programme.too_large", { mb: services.config.UPLOAD_MAX_MB })];
  }
  await mkdir(services.config.uploads.dir, { recursive: true });
  const saved = path.join(services.config.uploads.dir, `console-${randomUUID()}${extension}`);
  await writeFile(saved, Buffer.from(await file.arrayBuffer()));
  try {
    const read = await readRosterFile(saved);
    const counts = await importRoster(services.db, read.rows);
    return rosterReportLines(t, { ...counts, rejected: read.rejected, warnings: read.warnings });
  } catch (error) {
    if (!(error instanceof RosterError)) throw error;
    return [`${t(keyIn("roster.errors", error.code), { file: file.name, detail: error.detail ?? "" })}`];
  } finally {
    // The roster holds phone numbers: the file goes once its content is in the database.
    await rm(saved, { force: true });
  }
}

export function registerProgrammeRoutes(app: ConsoleApp, deps: ConsoleDeps): void {
  const reports = new Map<string, string[]>();

  /** The page's data for the period asked (7 days unless 1, 30 or 90), in the viewer's scope. */
  async function programmeData(ctx: PageContext, asked: string | undefined): Promise<ProgrammeData> {
    const wanted = Number.parseInt(asked ?? "7", 10);
    const days = periodDays.includes(wanted) ? wanted : 7;
    const end = ctx.now;
    const start = new Date(end.getTime() - days * dayMs);
    const scope = teamScope(ctx.viewer);
    const [tally, perDay, acceptanceHours, demoExperts] = await Promise.all([
      digestTally(deps.services.db, { start, end, live: true }),
      requestsPerDay(deps.services.db, start, end, scope),
      hoursToFirstAcceptance(deps.services.db, start, end, scope),
      mayManageRoster(ctx) ? countDemoExperts(deps.services.db) : 0,
    ]);
    return {
      days,
      figures: figuresOf(tally, scope),
      perDay,
      acceptanceHours,
      mayManageRoster: mayManageRoster(ctx),
      demoExperts,
      report: [],
    };
  }

  app.get("/programme", async (c) => {
    const ctx = c.get("page");
    const data = await programmeData(ctx, c.req.query("days"));
    // The last import's report, shown once, on the page the import came back to.
    const report = reports.get(ctx.viewer.csrf) ?? [];
    reports.delete(ctx.viewer.csrf);
    return c.html(programmePage(ctx, { ...data, report }).text);
  });

  // The charts' numbers as a file, for a report: the same tables, in the reader's language.
  app.get("/programme/figures/:format{csv|xlsx}", async (c) => {
    const ctx = c.get("page");
    const data = await programmeData(ctx, c.req.query("days"));
    const tables = programmeTables(ctx, data);
    const format = c.req.param("format");
    const bytes = format === "csv" ? figuresCsv(tables) : await figuresXlsx(tables);
    return c.body(bytes, 200, {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : xlsxType,
      "content-disposition": `attachment; filename="programme-${data.days}d.${format}"`,
      "cache-control": "no-store",
    });
  });

  app.get("/programme/roster/:format{csv|xlsx}", async (c) => {
    const ctx = c.get("page");
    if (!mayManageRoster(ctx)) return c.text(ctx.t("console.programme.staff_only"), 403);
    const format = c.req.param("format");
    const file = path.join(tmpdir(), `craftbridge-roster-${randomUUID()}.${format}`);
    try {
      await exportRoster(deps.services.db, file, {
        language: ctx.locale === "en" ? "en" : "zh",
        includeDemo: c.req.query("demo") === "1",
      });
      const bytes = await readFile(file);
      return c.body(bytes, 200, {
        "content-type": format === "csv" ? "text/csv; charset=utf-8" : xlsxType,
        "content-disposition": `attachment; filename="roster.${format}"`,
        "cache-control": "no-store",
      });
    } finally {
      await rm(file, { force: true });
    }
  });

  // A file over the upload limit is refused before it is read whole.
  const limit = bodyLimit({
    maxSize: deps.services.config.uploads.maxBytes + 64 * 1024,
    onError: (c) =>
      c.text(c.get("page").t("console.programme.too_large", { mb: deps.services.config.UPLOAD_MAX_MB }), 413),
  });
  app.post("/programme/import", limit, async (c) => {
    const ctx = c.get("page");
    const form = await formOf(c);
    if (!form) return c.text("403", 403);
    if (!mayManageRoster(ctx)) return c.text(ctx.t("console.programme.staff_only"), 403);
    const file = form["roster"];
    const report = file instanceof File ? await importUpload(ctx, file) : [ctx.t("console.programme.no_file")];
    reports.set(ctx.viewer.csrf, report);
    return c.redirect("/programme", 303);
  });
}
