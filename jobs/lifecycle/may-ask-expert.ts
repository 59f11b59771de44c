// Why an expert someone chose (staff with /assign, or the enterprise by name) may not be asked for a request.

import { monthStart } from "../../core/calendar.ts";
import { pausedAt } from "../../core/expert-pause.ts";
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
