// Erases what the programme holds about a person who asks for it: profile, contact, identities and
// availability go; the request history stays, anonymised, so figures still add up. Open offers are
// withdrawn and their requests move on to the next candidate; the act is recorded on each request
// touched and told to staff.

import { type Services, sendToPerson } from "../jobs/services.ts";

/** What an erased person or expert is called from now on. */
export const erasedName = "（已注销）";

export interface ErasureResult {
  withdrawnOffers: number;
  requestsTouched: number[];
}

export async function erasePersonalData(services: Services, personId: string): Promise<ErasureResult> {
  const { db } = services;
  const person = await db.person.findUniqueOrThrow({ where: { id: personId }, include: { expert: true } });
  const expert = person.expert;
  const phones = [person.phone, expert?.phone].filter((phone): phone is string => Boolean(phone));
  const open = expert
    ? await db.match.findMany({
        where: { expertId: expert.id, status: { in: ["candidate", "offered"] } },
        select: { id: true, requestId: true, status: true },
      })
    : [];
  const offered = open.filter((match) => match.status === "offered");
  const touched = [...new Set(open.map((match) => match.requestId))];
  await db.$transaction([
    ...(expert
      ? [
          db.expert.update({
            where: { id: expert.id },
            data: {
              name: erasedName,
              honours: "[]",
              employer: "",
              title: "",
              skills: "[]",
              achievements: "",
              cities: "[]",
              district: null,
              phone: null,
              consentAt: null,
              active: false,
              paused: true,
            },
          }),
          db.availability.deleteMany({ where: { expertId: expert.id } }),
          db.match.updateMany({
            where: { expertId: expert.id, status: { in: ["candidate", "offered"] } },
            data: { status: "withdrawn", respondedAt: new Date() },
          }),
        ]
      : []),
    db.person.update({ where: { id: personId }, data: { displayName: erasedName, phone: null } }),
    db.identity.deleteMany({ where: { personId } }),
    db.pendingQuestion.deleteMany({ where: { personId } }),
    ...touched.map((requestId) =>
      db.requestEvent.create({
        data: {
          requestId,
          actor: personId,
          type: "personal_data_erased",
          detail: JSON.stringify({ person: personId }),
        },
      }),
    ),
    ...offered.map((match) =>
      db.helpRequest.updateMany({ where: { id: match.requestId, status: "offered" }, data: { status: "matching" } }),
    ),
  ]);
  // Messages already sent keep their text for the timeline, but not the erased phone numbers.
  for (const phone of phones) {
    const rows = await db.outboundMessage.findMany({ where: { payload: { contains: phone } } });
    for (const row of rows) {
      await db.outboundMessage.update({
        where: { id: row.id },
        data: { payload: row.payload.split(phone).join(`${phone.slice(0, 3)}********`) },
      });
    }
  }
  for (const match of offered) {
    await services.enqueue("offer", { requestId: match.requestId, run: `erased-${match.id}` });
  }
  services.log.info(
    { personId, expertId: expert?.id, withdrawnOffers: offered.length },
    "Personal data erased on request",
  );
  const staff = await db.person.findMany({ where: { role: { in: ["staff", "admin"] } }, select: { id: true } });
  for (const member of staff) {
    await sendToPerson(services, {
      personId: member.id,
      key: `erased-${personId}-${member.id}`,
      compose: (t) => ({
        kind: "text",
        text: t("privacy.staff_notice", {
          who: expert ? `${t("privacy.expert")} ${expert.externalId}` : t("privacy.person"),
          offers: offered.length,
        }),
      }),
    });
  }
  return { withdrawnOffers: offered.length, requestsTouched: touched };
}
