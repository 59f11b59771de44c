// GET / : the board. A team leader's board is its own team's, whatever the address asks for.

import { guangdongCities } from "../core/roster/normalise-city.ts";
import { teamScope } from "../handlers/staff/roles.ts";
import { awaitedExperts, type BoardFilter, loadBoard } from "../prisma/console-board.ts";
import type { ConsoleApp, ConsoleDeps } from "./console-deps.ts";
import { boardPage, boardTabs } from "./pages/board-page.ts";

const requestKinds = ["tech_support", "training", "talk", "commercialisation"];

export function registerBoardRoutes(app: ConsoleApp, deps: ConsoleDeps): void {
  app.get("/", async (c) => {
    const ctx = c.get("page");
    const scope = teamScope(ctx.viewer);
    const status = c.req.query("status");
    const before = Number.parseInt(c.req.query("before") ?? "", 10);
    const filter: BoardFilter = {
      status: status && boardTabs.includes(status) ? status : undefined,
      teamKey: scope ?? (c.req.query("teamKey") || undefined),
      city: c.req.query("city") || undefined,
      kind: c.req.query("kind") || undefined,
      before: Number.isSafeInteger(before) && before > 0 ? before : undefined,
    };
    const board = await loadBoard(deps.services.db, filter, ctx.now);
    const awaited = await awaitedExperts(
      deps.services.db,
      board.overdue.map((row) => row.id),
    );
    // Fixed lists: reading the choices from 100,000 requests would cost more than the page.
    const choices = { cities: guangdongCities, kinds: requestKinds };
    return c.html(boardPage(ctx, { ...board, awaited }, filter, choices, scope !== null).text);
  });
}
