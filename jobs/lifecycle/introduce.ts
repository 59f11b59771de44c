// An accepted expert is introduced: a post in the enterprise's chat without any phone number, and each
// side's contact sent privately to the other. A two-expert team is introduced role by role; the
// request counts as introduced once every role has an expert.
import { jsonList } from "../../core/json-list.ts";
import { skillLabels } from "../../core/request-format.ts";
import { acceptedRoles, matchesOf, matchToIntroduce } from "../../prisma/matches.ts";
import { transitionRequest } from "../../prisma/requests.ts";
import { type Services, sendToChat, sendToPerson, translate } from "../services.ts";
import { followUpAt } from "./follow-up-time.ts";
import { rolesOf, skillLabel } from "./offer-card.ts";
import { scheduleFollowUp } from "./queues.ts";

export async function introduce(services: Services, matchId: string): Promise<void> {
  const { db } = services;
  const match = await matchToIntroduce(db, matchId);
  if (!match) return;
  const { expert, request } = match;
  const roles = rolesOf({ teamSize: request.teamSize, matches: await matchesOf(db, request.id) });
  const accepted = await acceptedRoles(db, request.id);
  const complete = roles.every((role) => role === null || accepted.includes(role));
  await transitionRequest(db, {
    id: request.id,
    to: complete ? "introduced" : "offered",
    set: complete ? { waitReason: null } : {},
    event: { actor: "system", type: "introduced", detail: { expert: expert.name } },
  });
  await scheduleFollowUp(
    services.enqueue,
    match.id,
    followUpAt(match.introducedAt ?? new Date(), request.windowEnd, services.config.FOLLOW_UP_DAYS),
  );
  const locale = request.locale === "en" ? "en" : "zh-CN";
  const t = translate(services, locale);
  const honours = jsonList(expert.honours);
  await sendToChat(services, {
    chatId: request.chatId,
    key: `intro-chat-${match.id}`,
    message: {
      kind: "text",
      text: (match.role ? t("intro.team_member", { skill: skillLabel(match.role, locale) }) : "").concat(
        t("intro.group", {
          code: request.code,
          expert: expert.name,
          honours: honours.join(t("list.separator")) || expert.title,
          employer: expert.employer,
          title: expert.title,
          skills:
            jsonList(expert.skills).slice(0, 3).join(t("list.separator")) ||
            skillLabels(request, locale).join(t("list.separator")),
        }),
      ),
    },
  });
  await sendToPerson(services, {
    personId: request.requesterId,
    key: `intro-requester-${match.id}`,
    compose: (rt) => ({
      kind: "text",
      text: rt("intro.to_requester", {
        code: request.code,
        expert: expert.name,
        employer: expert.employer,
        contact: expert.phone ? rt("intro.phone", { phone: expert.phone }) : rt("intro.no_phone"),
      }),
    }),
  });
  if (!expert.person) throw new Error(`expert ${expert.id} has no person to introduce`);
  const enterprisePhone = request.requester.phone ?? request.enterprise?.phone ?? null;
  await sendToPerson(services, {
    personId: expert.person.id,
    key: `intro-expert-${match.id}`,
    compose: (et) => ({
      kind: "text",
      text: et("intro.to_expert", {
        code: request.code,
        requester: request.enterprise
          ? et("intro.requester_at", { name: request.requester.displayName, enterprise: request.enterprise.name })
          : request.requester.displayName,
        contact: enterprisePhone ? et("intro.phone", { phone: enterprisePhone }) : et("intro.enterprise_asked"),
      }),
    }),
  });
  // The expert is in no group of the enterprise: ask it privately for a phone (handlers/contact-relay.ts).
  if (!enterprisePhone) {
    await sendToPerson(services, {
      personId: request.requesterId,
      key: `intro-ask-contact-${match.id}`,
      compose: (rt) => ({ kind: "text", text: rt("intro.ask_contact", { code: request.code, expert: expert.name }) }),
    });
  }
}
