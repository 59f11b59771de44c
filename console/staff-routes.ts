// GET /staff and its two actions, for admins only, as `/staff` is in the chat. Adding and removing run the
// chat's own command, so the rules are the chat's (the last admin stays, configured staff stay, a team
// leader needs a team) and the person added hears it in their chat. A removed member's sessions end.
import { manageStaff } from "../handlers/staff/staff-members.ts";
import { revokeNonStaffSessions } from "../prisma/console-sessions.ts";
import { identitiesOf, peopleInRoles } from "../prisma/staff-members-repository.ts";
import { actionContext } from "./action-context.ts";
import { type ConsoleApp, type ConsoleDeps, formOf } from "./console-deps.ts";
import type { PageContext } from "./layout.ts";
import { type StaffRow, staffPage, staffRoleChoices } from "./pages/staff-page.ts";

function isAdmin(ctx: PageContext): boolean {
  return ctx.viewer.role === "admin";
}

export function registerStaffRoutes(app: ConsoleApp, deps: ConsoleDeps): void {
  const { db } = deps.services;

  app.get("/staff", async (c) => {
    const ctx = c.get("page");
    if (!isAdmin(ctx)) return c.html(ctx.t("errors.not_admin", { command: "/staff" }), 403);
    const people = await peopleInRoles(db, staffRoleChoices);
    const accounts = await identitiesOf(
      db,
      people.map((person) => person.id),
    );
    const rows: StaffRow[] = people.map((person) => {
      const own = accounts
        .filter((account) => account.personId === person.id)
        .map((account) => `${account.platform}:${account.externalId}`);
      return {
        personId: person.id,
        displayName: person.displayName,
        role: person.role,
        staffTeamKey: person.staffTeamKey,
        handle: own[0] ?? person.displayName,
        accounts: own,
      };
    });
    return c.html(staffPage(ctx, rows).text);
  });

  app.post("/staff/:verb{add|remove}", async (c) => {
    const page = c.get("page");
    const form = await formOf(c);
    if (!form) return c.text("403", 403);
    if (!isAdmin(page)) return c.html(page.t("errors.not_admin", { command: "/staff" }), 403);
    const field = (name: string) => (typeof form[name] === "string" ? form[name].trim() : "");
    const verb = c.req.param("verb");
    const role = staffRoleChoices.find((choice) => choice === field("role")) ?? "staff";
    const args =
      verb === "add"
        ? ["add", field("who"), role, ...(role === "team_leader" ? [field("team")] : [])]
        : ["remove", field("who")];
    const { ctx, replies } = actionContext(page, "staff", args);
    await manageStaff(ctx, args);
    if (verb === "remove") await revokeNonStaffSessions(db);
    deps.flashes.set(page.viewer.csrf, replies);
    return c.redirect("/staff", 303);
  });
}
