// Why an expert someone chose (staff with /assign, or the enterprise by name) may not be asked for a request.

import { dayOf, monthStart } from "../../core/calendar.ts";
import { dayWords } from "../../core/day-words.ts";
import { lastPausedDay, pausedAt } from "../../core/expert-pause.ts";
import type { Translate } from "../../core/i18n.ts";
import { cappedOffersSince, matchesOf } from "../../prisma/matches.ts";
import type { Services } from "../services.ts";

/** Why a chosen expert is not asked: said back to staff. */
export type AssignRefusal = "paused" | "capped" | "remote_only" | "unreachable";

/**
 * Null when the expert may be asked: not paused, on site when the request is, and under the monthly cap
 * (withdrawn and expired offers do not count; an offer they hold for this request is asked again, not twice).
 */
export async function whyNotAsk(
  services: Services,
  request: { id: number; mode: string },
  expert: { id: string; paused: boolean; pausedUntil: Date | null; canOnsite: boolean },
): Promise<AssignRefusal | null> {
  if (pausedAt(expert.paused, expert.pausedUntil, new Date())) return "paused";
  if (request.mode === "onsite" && !expert.canOnsite) return "remote_only";
  const own = (await matchesOf(services.db, request.id)).find((match) => match.expertId === expert.id);
  const holding = own?.status === "offered" ? 1 : 0;
  const offers = await cappedOffersSince(services.db, expert.id, monthStart(new Date()));
  return offers - holding >= services.config.MONTHLY_OFFER_CAP ? "capped" : null;
}

/** The refusal staff read; a pause with an end says when it ends, so staff know when to try again. */
export function refusalText(
  t: Translate,
  reason: AssignRefusal,
  params: { code: string; expert: string; pausedUntil: Date | null },
): string {
  const { code, expert, pausedUntil } = params;
  if (reason === "paused" && pausedUntil) {
    return t("staff.assign_refused.paused_until", {
      code,
      expert,
      date: dayWords(t, lastPausedDay(pausedUntil)),
      resume: dayWords(t, dayOf(pausedUntil)),
    });
  }
  return t(`staff.assign_refused.${reason}`, { code, expert });
}
