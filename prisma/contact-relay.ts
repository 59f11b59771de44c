// An enterprise that left no phone is asked for one after the introduction; its answer goes to the expert.
import type { MatchStatus, RequestStatus } from "../core/statuses.ts";
import type { Db } from "./client.ts";

export interface RequestAwaitingContact {
  code: string;
  requesterName: string;
  /** Person ids and names of the experts who accepted it. */
  experts: { personId: string; name: string }[];
}

/** The person's latest introduced request when the person has no phone on file; null otherwise. */
export async function requestAwaitingContact(db: Db, personId: string): Promise<RequestAwaitingContact | null> {
  const introduced: RequestStatus = "introduced";
  const accepted: MatchStatus = "accepted";
  const row = await db.helpRequest.findFirst({
    where: { requesterId: personId, status: introduced, requester: { phone: null } },
    orderBy: { id: "desc" },
    select: {
      code: true,
      requester: { select: { displayName: true } },
      matches: { where: { status: accepted }, select: { expert: { select: { name: true, person: true } } } },
    },
  });
  if (!row) return null;
  const experts = row.matches.flatMap(({ expert }) =>
    expert.person ? [{ personId: expert.person.id, name: expert.name }] : [],
  );
  return { code: row.code, requesterName: row.requester.displayName, experts };
}

export async function savePersonPhone(db: Db, personId: string, phone: string): Promise<void> {
  await db.person.update({ where: { id: personId }, data: { phone } });
}
