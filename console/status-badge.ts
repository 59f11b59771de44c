// A request's status as the board and the request page show it. "Solved" is an outcome of the follow-up,
// not a status: it stands beside the status the request has (introduced, or closed by that answer).
import { keyIn } from "../core/i18n.ts";
import { type Html, html } from "./html.ts";
import type { PageContext } from "./layout.ts";

export function statusBadge(ctx: PageContext, status: string, solved: boolean): Html {
  return html`<span class="status status-${status}">${ctx.t(keyIn("status", status))}</span>${
    solved ? html` <span class="status status-solved">${ctx.t("console.outcome.solved")}</span>` : ""
  }`;
}
