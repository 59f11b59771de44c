// Who may use what. Staff and admins see everything; a team leader sees its own service team only.
import type { TranslationKey } from "../../core/i18n.ts";
import type { Speaker } from "../../prisma/people.ts";
import { isStaff } from "../../prisma/people.ts";

/** Who a command is for: everyone, roster experts, staff (admins and team leaders included), admins. */
export type Audience = "everyone" | "expert" | "staff" | "admin";

export function mayUse(speaker: Speaker, audience: Audience): boolean {
  if (audience === "everyone") return true;
  if (audience === "expert") return speaker.expertId !== null;
  if (audience === "staff") return isStaff(speaker.role);
  return speaker.role === "admin";
}

/** The locale key of the polite refusal for an audience the speaker is not part of. */
export function refusalKey(audience: Audience): TranslationKey {
  if (audience === "admin") return "errors.not_admin";
  if (audience === "expert") return "profile.not_expert";
  return "errors.not_staff";
}

/**
 * The service team a speaker's view is limited to: a team leader's own team, null for everyone else
 * (staff and admins see all). A team leader without a team sees a team nobody has, so nothing.
 */
export function teamScope(speaker: Speaker): string | null {
  if (speaker.role !== "team_leader") return null;
  return speaker.staffTeamKey ?? "-";
}

/** Whether a team-limited speaker may see a record of this team. */
export function inScope(speaker: Speaker, teamKey: string | null): boolean {
  const scope = teamScope(speaker);
  return scope === null || scope === teamKey;
}
