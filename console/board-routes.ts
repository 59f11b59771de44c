// GET / : the board. A team leader's board is its own team's, whatever the address asks for.
import { teamScope } from "../handlers/staff/roles.ts";
import { type BoardFilter, boardChoices, loadBoard } from "../prisma/console-board.ts";
import type { ConsoleApp, ConsoleDeps } from "./console-deps.ts";
import { boardPage, boardStatuses } from "./pages/board-page.ts";

export function registerBoardRoutes(app: ConsoleApp, deps: ConsoleDeps): void {
  app.get("/", async (c) => {
    const ctx = c.get("page");
    const scope = teamScope(ctx.viewer);
    const status = c.req.query("status");
    const before = Number.parseInt(c.req.query("before") ?? "", 10);
    const filter: BoardFilter = {
      status: status && boardStatuses.includes(status) ? status : undefined,
      teamKey: scope ?? (c.req.query("teamKey") || undefined),
      city: c.req.query("city") || undefined,
      kind: c.req.query("kind") || undefined,
      before: Number.isSafeInteger(before) && before > 0 ? before : undefined,
    };
    const [board, choices] = await Promise.all([
      loadBoard(deps.services.db, filter, ctx.now),
      boardChoices(deps.services.db, filter.teamKey),
    ]);
    return c.html(boardPage(ctx, board, filter, choices, scope !== null).text);
  });
}
