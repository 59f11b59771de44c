// An enterprise that asks for a roster expert by name ("想请刘建华师傅来看看") has that expert asked first
// when they may be asked; otherwise matching goes on as usual and staff hear privately why they were not.

import { jsonList } from "../../core/json-list.ts";
import { namedPeople } from "../../core/understanding/named-person.ts";
import { assignableExpert, assignCandidate, expertNamesIn } from "../../prisma/matches.ts";
import { staffToAlert } from "../../prisma/requests.ts";
import { type Services, sendToPerson } from "../services.ts";
import { type AssignRefusal, refusalText, whyNotAsk } from "./may-ask-expert.ts";

export interface NamedRequest {
  id: number;
  code: string;
  text: string;
  mode: string;
}

/**
 * Puts the first expert the request names at the head of its candidates (before the ranker's picks); true when
 * one was. `skip`: experts asked in an earlier run. `roleFor`: the role the expert takes in a team, from their skills.
 */
export async function honourNamedExpert(
  services: Services,
  request: NamedRequest,
  skip: ReadonlySet<string>,
  roleFor: (skills: string[]) => string | null,
): Promise<boolean> {
  const { db } = services;
  const [name] = namedPeople(request.text, await expertNamesIn(db, request.text));
  const expert = name ? await assignableExpert(db, name) : null;
  if (!expert || skip.has(expert.id)) return false;
  const refusal = await whyNotAsk(services, request, expert);
  if (refusal) {
    await tellStaff(services, request, { name: expert.name, pausedUntil: expert.pausedUntil }, refusal);
    return false;
  }
  await assignCandidate(db, {
    requestId: request.id,
    expertId: expert.id,
    role: roleFor(jsonList(expert.skills)),
    assignedBy: "enterprise",
    reason: "named",
    event: { actor: "system", type: "named", detail: { expert: expert.name } },
  });
  return true;
}

/** Each staff member hears, privately and once, why the named expert was not asked (the /assign refusal). */
async function tellStaff(
  services: Services,
  request: NamedRequest,
  expert: { name: string; pausedUntil: Date | null },
  reason: AssignRefusal,
): Promise<void> {
  for (const member of await staffToAlert(services.db)) {
    await sendToPerson(services, {
      personId: member.id,
      key: `named-refused-${request.id}-${member.id}`,
      compose: (t) => ({
        kind: "text",
        text: t("staff.named_expert_not_asked", {
          code: request.code,
          expert: expert.name,
          reason: refusalText(t, reason, { code: request.code, expert: expert.name, pausedUntil: expert.pausedUntil }),
        }),
      }),
    });
  }
}
