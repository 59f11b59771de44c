// The experts: search with the matcher's own retrieval, a profile, and its edit. A team leader sees and
// edits its own team's experts only.
import { inScope, teamScope } from "../handlers/staff/roles.ts";
import { requestFromText } from "../jobs/matching/request-from-text.ts";
import {
  expertPageSize,
  expertsByIds,
  listExperts,
  loadExpertProfile,
  updateExpert,
} from "../prisma/console-experts.ts";
import { type ConsoleApp, type ConsoleDeps, formOf } from "./console-deps.ts";
import { formFromBody, validateEdit } from "./expert-edit.ts";
import type { PageContext } from "./layout.ts";
import { type ExpertHit, expertsPage } from "./pages/experts-page.ts";
import { profilePage } from "./pages/profile-page.ts";

const shown = 50;

/** Experts for the words: the ranker first (skills, team, place), then names and employers. */
async function search(deps: ConsoleDeps, ctx: PageContext, words: string): Promise<ExpertHit[]> {
  const scope = teamScope(ctx.viewer) ?? undefined;
  const ranked = await deps.ranker.rank({
    request: requestFromText(words, ctx.now),
    text: words,
    top: scope ? shown * 4 : shown,
    now: ctx.now,
  });
  const rows = await expertsByIds(
    deps.services.db,
    ranked.map((hit) => hit.expertId),
  );
  const byId = new Map(ranked.map((hit) => [hit.expertId, hit]));
  const hits: ExpertHit[] = rows
    .filter((row) => !scope || row.teamKey === scope)
    .slice(0, shown)
    .map((expert) => ({
      expert,
      score: byId.get(expert.id)?.score ?? null,
      reasons: byId.get(expert.id)?.reasons ?? [],
    }));
  if (hits.length > 0) return hits;
  const named = await listExperts(deps.services.db, { teamKey: scope, words });
  return named.map((expert) => ({ expert, score: null, reasons: [] }));
}

export function registerExpertRoutes(app: ConsoleApp, deps: ConsoleDeps): void {
  app.get("/experts", async (c) => {
    const ctx = c.get("page");
    const words = (c.req.query("q") ?? "").trim().slice(0, 200);
    if (words) return c.html(expertsPage(ctx, words, await search(deps, ctx, words), null).text);
    const rows = await listExperts(deps.services.db, {
      teamKey: teamScope(ctx.viewer) ?? undefined,
      after: c.req.query("after") || undefined,
    });
    const hits = rows.map((expert) => ({ expert, score: null, reasons: [] }));
    const next = rows.length === expertPageSize ? (rows.at(-1)?.externalId ?? null) : null;
    return c.html(expertsPage(ctx, "", hits, next).text);
  });

  app.post("/experts", async (c) => {
    const ctx = c.get("page");
    const form = await formOf(c);
    if (!form) return c.text("403", 403);
    const words = (typeof form["q"] === "string" ? form["q"] : "").trim().slice(0, 200);
    if (!words) return c.redirect("/experts", 303);
    return c.html(expertsPage(ctx, words, await search(deps, ctx, words), null).text);
  });

  app.get("/experts/:id", async (c) => {
    const ctx = c.get("page");
    const data = await loadExpertProfile(deps.services.db, c.req.param("id"), ctx.now);
    if (!data) return c.html(ctx.t("console.expert.not_found"), 404);
    if (!inScope(ctx.viewer, data.expert.teamKey)) {
      return c.html(ctx.t("roles.not_your_expert", { expert: data.expert.name }), 403);
    }
    return c.html(profilePage(ctx, data).text);
  });

  app.post("/experts/:id", async (c) => {
    const ctx = c.get("page");
    const body = await formOf(c);
    if (!body) return c.text("403", 403);
    const id = c.req.param("id");
    const data = await loadExpertProfile(deps.services.db, id, ctx.now);
    if (!data) return c.html(ctx.t("console.expert.not_found"), 404);
    if (!inScope(ctx.viewer, data.expert.teamKey)) {
      return c.html(ctx.t("roles.not_your_expert", { expert: data.expert.name }), 403);
    }
    const form = formFromBody(body);
    const checked = validateEdit(form, ctx.t);
    if (!("edit" in checked)) return c.html(profilePage(ctx, data, form, checked.errors).text, 422);
    // A team leader cannot move an expert out of its own team.
    if (!inScope(ctx.viewer, checked.edit.teamKey)) {
      return c.html(profilePage(ctx, data, form, [ctx.t("console.expert.errors.team")]).text, 422);
    }
    await updateExpert(deps.services.db, id, checked.edit);
    deps.flashes.set(ctx.viewer.csrf, [ctx.t("console.expert.saved", { name: checked.edit.name })]);
    return c.redirect(`/experts/${encodeURIComponent(id)}`, 303);
  });
}
