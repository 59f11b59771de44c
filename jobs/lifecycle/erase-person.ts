// A person had their data erased: their open offers are withdrawn and each request they held an offer
// for goes back to matching, with a timeline row on every request touched.
import { eraseStoredPersonalData, openMatchesOfExpert, personToErase } from "../../prisma/personal-data-erasure.ts";
import type { Services } from "../services.ts";

export interface Erased {
  personId: string;
  expert: { id: string; externalId: string; phone: string | null } | null;
  phone: string | null;
  /** The offers withdrawn: their requests look for the next candidate. */
  offered: { id: string; requestId: number }[];
  requestsTouched: number[];
}

/** Erases the person's stored data under `erasedName` and withdraws their open matches, in one transaction. */
export async function erasePerson(services: Services, personId: string, erasedName: string): Promise<Erased> {
  const { db } = services;
  const person = await personToErase(db, personId);
  const expert = person.expert;
  const open = expert ? await openMatchesOfExpert(db, expert.id) : [];
  const offered = open.filter((match) => match.status === "offered");
  const touched = [...new Set(open.map((match) => match.requestId))];
  await eraseStoredPersonalData(db, {
    personId,
    expertId: expert?.id ?? null,
    erasedName,
    touched,
    backToMatching: offered.map((match) => match.requestId),
  });
  return { personId, expert, phone: person.phone, offered, requestsTouched: touched };
}

/** After an erasure: each request whose offer was withdrawn is offered to its next candidate. */
export async function afterErasing(services: Services, erased: Pick<Erased, "offered">): Promise<void> {
  for (const match of erased.offered) {
    await services.enqueue("offer", { requestId: match.requestId, run: `erased-${match.id}` });
  }
}
