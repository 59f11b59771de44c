// The programme: the digest's figures as charts, exports, and the roster import.
import type { ConsoleApp, ConsoleDeps } from "./console-deps.ts";

export function registerProgrammeRoutes(app: ConsoleApp, _deps: ConsoleDeps): void {
  app.get("/programme", (c) => c.html("", 200));
}
