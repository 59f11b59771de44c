// A request changed or staff stepped in: the expert holding its offer is told it no longer stands.
import { openOffersFor, personOfExpert, transitionMatch } from "../../prisma/matches.ts";
import { type Services, sendToPerson } from "../services.ts";
import { offerMessageKey } from "./queues.ts";

/**
 * Withdraws the open offers of a request, telling each expert who held one, except `quietly` (an
 * expert about to be asked again with a fresh card), or only the offer of the expert `only`. Returns the ids of the withdrawn matches.
 */
export async function withdrawOpenOffers(
  services: Services,
  request: { id: number; code: string },
  actor: string,
  options: { quietly?: string; only?: string } = {},
): Promise<string[]> {
  const { db } = services;
  const withdrawn: string[] = [];
  for (const match of await openOffersFor(db, request.id)) {
    if (options.only !== undefined && match.expertId !== options.only) continue;
    const changed = await transitionMatch(db, {
      id: match.id,
      requestId: request.id,
      from: ["offered"],
      to: "withdrawn",
      event: { actor, type: "withdrawn", detail: { expert: match.expertName } },
    });
    if (!changed) continue;
    withdrawn.push(match.id);
    if (match.expertId === options.quietly) continue;
    const person = await personOfExpert(db, match.expertId);
    if (!person) continue;
    await sendToPerson(services, {
      personId: person.id,
      key: offerMessageKey("withdrawn", match.id, Math.max(1, match.offers)),
      compose: (t) => ({ kind: "text", text: t("offer.withdrawn", { code: request.code }) }),
    });
  }
  return withdrawn;
}
