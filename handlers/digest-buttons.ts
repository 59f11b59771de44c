// Buttons of the digest card: "重新匹配 R-0042" re-runs matching, as /rematch R-0042 would.
import type { HandlerContext } from "../bot/context.ts";
import { isStaff } from "../bot/people.ts";
import { rematchRequest } from "./staff-override.ts";

export async function pressDigestButton(ctx: HandlerContext, code: string): Promise<void> {
  // The card went to a staff member, but a role can be taken away after it was sent.
  if (!isStaff(ctx.speaker.role)) return ctx.reply(ctx.t("errors.not_staff", { command: "/rematch" }));
  return rematchRequest(ctx, [code]);
}
