// A request's page and its actions. The actions are the chat's own staff commands, so the expert gets the
// offer in their chat exactly as after /assign, and a team leader is held to its own team as in the chat.
import { inScope } from "../handlers/staff/roles.ts";
import { assignExpert, closeRequest, rematchRequest } from "../handlers/staff-override.ts";
import { loadRequestPage, requestTeam } from "../prisma/console-request.ts";
import { actionContext } from "./action-context.ts";
import { type ConsoleApp, type ConsoleDeps, formOf } from "./console-deps.ts";
import { requestPage } from "./pages/request-page.ts";

const codePattern = /^R-\d+$/;

export function registerRequestRoutes(app: ConsoleApp, deps: ConsoleDeps): void {
  app.get("/requests/:code", async (c) => {
    const ctx = c.get("page");
    const code = c.req.param("code");
    const request = codePattern.test(code) ? await loadRequestPage(deps.services.db, code) : null;
    if (!request) return c.html(ctx.t("intake.not_found", { code }), 404);
    if (!inScope(ctx.viewer, request.teamKey)) return c.html(ctx.t("roles.not_your_team", { code }), 403);
    return c.html(requestPage(ctx, request).text);
  });

  const actions = {
    assign: { run: assignExpert, command: "assign" },
    rematch: { run: rematchRequest, command: "rematch" },
    close: { run: closeRequest, command: "close" },
  } as const;
  app.post("/requests/:code/:action", async (c) => {
    const page = c.get("page");
    const code = c.req.param("code");
    const action = actions[c.req.param("action") as keyof typeof actions];
    const form = await formOf(c);
    if (!form) return c.text("403", 403);
    if (!action || !codePattern.test(code)) return c.notFound();
    const team = await requestTeam(deps.services.db, code);
    if (team.found && !inScope(page.viewer, team.teamKey)) {
      return c.html(page.t("roles.not_your_team", { code }), 403);
    }
    const expert = typeof form["expert"] === "string" ? form["expert"].trim() : "";
    const args = action.command === "assign" ? [code, expert] : [code];
    const { ctx, replies } = actionContext(page, action.command, args);
    await action.run(ctx, args);
    deps.flashes.set(page.viewer.csrf, replies);
    return c.redirect(`/requests/${code}`, 303);
  });
}
