// Erases what the programme holds about a person who asks for it: profile, contact, identities and
// availability go; the request history stays, anonymised, so figures still add up. Open offers are
// withdrawn and their requests move on to the next candidate; the act is recorded on each request
// touched and told to staff.

import { erasedExpertName } from "../core/roster/erased-expert.ts";
import { afterErasing, erasePerson } from "../jobs/lifecycle/erase-person.ts";
import { type Services, sendToPerson } from "../jobs/services.ts";
import { maskPhoneInOutbox } from "../prisma/personal-data-erasure.ts";
import { staffToAlert } from "../prisma/requests.ts";

export interface ErasureResult {
  withdrawnOffers: number;
  requestsTouched: number[];
}

export async function erasePersonalData(services: Services, personId: string): Promise<ErasureResult> {
  const { db } = services;
  // Stored under the one name roster imports recognise (core/roster/erased-expert.ts), never brought back.
  const erased = await erasePerson(services, personId, erasedExpertName);
  const { expert, offered } = erased;
  const phones = [erased.phone, expert?.phone].filter((phone): phone is string => Boolean(phone));
  // Messages already sent keep their text for the timeline, but not the erased phone numbers.
  for (const phone of phones) {
    await maskPhoneInOutbox(db, phone, `${phone.slice(0, 3)}********`);
  }
  await afterErasing(services, erased);
  services.log.info(
    { personId, expertId: expert?.id, withdrawnOffers: offered.length },
    "Personal data erased on request",
  );
  const staff = await staffToAlert(db);
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
  return { withdrawnOffers: offered.length, requestsTouched: erased.requestsTouched };
}
