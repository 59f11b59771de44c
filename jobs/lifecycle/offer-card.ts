// What an offer says: the card with the request, the reasons and the three answers.
import { keyIn, type Locale, type Translate } from "../../core/i18n.ts";
import type { OutgoingMessage } from "../../core/messages.ts";
import { describePlace, describeWindow, problemExcerpt, skillLabels } from "../../core/request-format.ts";
import { skillByKey } from "../../core/understanding/skills.ts";
import type { OfferCandidate, RequestForOffer } from "../../prisma/matches.ts";
import type { MatchReason } from "../matching/types.ts";

/** A taxonomy skill's label in a locale, or the key itself. */
export function skillLabel(key: string, locale: string): string {
  const skill = skillByKey(key);
  return skill ? (locale === "en" ? skill.en : skill.zh) : key;
}

export function renderReasons(t: Translate, reasonsJson: string): string {
  let reasons: MatchReason[] = [];
  try {
    reasons = JSON.parse(reasonsJson) as MatchReason[];
  } catch {
    reasons = [];
  }
  return reasons.map((reason) => t(keyIn("reasons", reason.key), reason.params)).join(t("list.dot"));
}

/** The roles of a team request in rank order, or [null] for a request one expert takes. */
export function rolesOf(request: { teamSize: number; matches: { role: string | null }[] }): (string | null)[] {
  if (request.teamSize <= 1) return [null];
  return [...new Set(request.matches.map((match) => match.role).filter((role): role is string => role !== null))];
}

export function offerCard(
  t: Translate,
  locale: Locale,
  request: RequestForOffer,
  match: OfferCandidate,
  role: string | null,
): OutgoingMessage {
  const skills = skillLabels(request, locale);
  const problem = [skills.join(t("list.separator")), problemExcerpt(request.text)].filter(Boolean).join(" — ");
  return {
    kind: "card",
    title: t("offer.title", { code: request.code }),
    text: t("offer.text", {
      name: match.expert.name,
      requester: request.requesterName,
      code: request.code,
      problem,
      place: describePlace(t, request, locale),
      mode: t(keyIn("mode", request.mode)),
      window: describeWindow(t, request),
      reasons: renderReasons(t, match.reasons),
    }).concat(role ? `\n${t("offer.team_role", { skill: skillLabel(role, locale) })}` : ""),
    buttons: [
      { label: t("offer.accept"), value: `offer.accept:${match.id}` },
      { label: t("offer.decline"), value: `offer.decline:${match.id}` },
      { label: t("offer.later"), value: `offer.later:${match.id}` },
    ],
  };
}
