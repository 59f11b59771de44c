// A request changed or staff stepped in: the expert holding its offer is told it no longer stands.
import { type Services, sendToPerson } from "../jobs/services.ts";

/** Withdraws the open offer of a request, telling the expert who held it. */
export async function withdrawOpenOffer(services: Services, requestId: number, code: string): Promise<void> {
  const { db } = services;
  const open = await db.match.findMany({ where: { requestId, status: "offered" } });
  for (const match of open) {
    const changed = await db.match.updateMany({
      where: { id: match.id, status: "offered" },
      data: { status: "withdrawn" },
    });
    const person = await db.person.findUnique({ where: { expertId: match.expertId } });
    if (changed.count === 0 || !person) continue;
    await sendToPerson(services, {
      personId: person.id,
      key: `withdrawn-${match.id}`,
      compose: (t) => ({ kind: "text", text: t("offer.withdrawn", { code }) }),
    });
  }
}
