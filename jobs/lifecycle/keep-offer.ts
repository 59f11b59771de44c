// A correction ("改成远程", a new date) does not drop the expert being asked when they still fit: the offer
// stands, the expert is told what changed, and nobody else is asked. A new problem (other skills), a mode they
// do not serve or a city they do not reach still withdraws the offer and matches afresh.
import { jsonList } from "../../core/json-list.ts";
import { describeRequest, requestCities } from "../../core/request-format.ts";
import { areNeighbours } from "../../core/understanding/places.ts";
import { expertById } from "../../prisma/expert-records.ts";
import type { Expert } from "../../prisma/generated/client.ts";
import { openOffersFor, personOfExpert } from "../../prisma/matches.ts";
import { type RequestChanges, type StoredRequest, transitionRequest } from "../../prisma/requests.ts";
import { type Services, sendToPerson } from "../services.ts";

/** Whether the expert still fits the corrected request, judged on what changed. */
export function stillFits(expert: Expert, request: StoredRequest, changed: RequestChanges): boolean {
  if (changed.skills !== undefined || changed.teamKey !== undefined || changed.kind !== undefined) return false;
  if (request.mode === "onsite" && !expert.canOnsite) return false;
  if (request.mode === "remote" && !expert.canRemote) return false;
  if ((changed.city === undefined && changed.cities === undefined) || request.mode === "remote" || !request.city) {
    return true;
  }
  // Any of the cities the request accepts will do.
  return requestCities(request).some(
    (city) => expert.city === city || jsonList(expert.cities).includes(city) || areNeighbours(expert.city ?? "", city),
  );
}

export interface OfferToKeep {
  offerId: string;
  expertId: string;
  expertName: string;
}

/** The open offer of a corrected request whose expert still fits, or null; changes nothing. */
export async function offerToKeep(
  services: Services,
  request: StoredRequest,
  changed: RequestChanges,
): Promise<OfferToKeep | null> {
  const { db } = services;
  if (request.status === "draft" || request.teamSize > 1) return null;
  const [offer, ...others] = await openOffersFor(db, request.id);
  if (!offer || others.length > 0) return null;
  const expert = await expertById(db, offer.expertId);
  if (!stillFits(expert, request, changed)) return null;
  return { offerId: offer.id, expertId: expert.id, expertName: expert.name };
}

/** Keeps the offer (the request waits on it again) and tells the expert what changed; false when it moved on. */
export async function keepOffer(services: Services, request: StoredRequest, offer: OfferToKeep): Promise<boolean> {
  const { db } = services;
  const kept = await transitionRequest(db, {
    id: request.id,
    from: ["open"],
    to: "offered",
    set: { waitReason: "offer_unanswered" },
    event: { actor: "system", type: "offer_kept", detail: { expert: offer.expertName } },
  });
  if (!kept) return false;
  const person = await personOfExpert(db, offer.expertId);
  if (person) {
    await sendToPerson(services, {
      personId: person.id,
      key: `offer-changed-${offer.offerId}-${request.updatedAt.getTime()}`,
      compose: (t, locale) => ({
        kind: "text",
        text: t("offer.changed", { code: request.code, summary: describeRequest(t, locale, request) }),
      }),
    });
  }
  return true;
}
