// Erasing a person's data on their request (删除我的信息): the rows that hold it are emptied in one
// transaction; the request history stays, anonymised. jobs/lifecycle/erase-person.ts drives it.
import type { Db } from "./client.ts";
import type { Expert, Person } from "./generated/client.ts";

/** The person with their expert row, if they are an expert; throws when there is no such person. */
export function personToErase(db: Db, personId: string): Promise<Person & { expert: Expert | null }> {
  return db.person.findUniqueOrThrow({ where: { id: personId }, include: { expert: true } });
}

/** An expert's matches still open: candidates and offers. */
export function openMatchesOfExpert(
  db: Db,
  expertId: string,
): Promise<{ id: string; requestId: number; status: string }[]> {
  return db.match.findMany({
    where: { expertId, status: { in: ["candidate", "offered"] } },
    select: { id: true, requestId: true, status: true },
  });
}

/**
 * In one transaction: the expert row (if any) emptied, inactive and paused, their availability gone and
 * their open matches withdrawn; the person renamed without phone, identities and pending questions;
 * a timeline row on each request `touched`, and each request in `backToMatching` moved from `offered`
 * back to `matching`.
 */
export async function eraseStoredPersonalData(
  db: Db,
  erasure: {
    personId: string;
    expertId: string | null;
    erasedName: string;
    touched: number[];
    backToMatching: number[];
  },
): Promise<void> {
  const { personId, expertId, erasedName, touched, backToMatching } = erasure;
  await db.$transaction([
    ...(expertId
      ? [
          db.expert.update({
            where: { id: expertId },
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
              // For good: an end left from an earlier pause would otherwise lift it.
              paused: true,
              pausedUntil: null,
            },
          }),
          db.availability.deleteMany({ where: { expertId } }),
          db.match.updateMany({
            where: { expertId, status: { in: ["candidate", "offered"] } },
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
    ...backToMatching.map((requestId) =>
      db.helpRequest.updateMany({ where: { id: requestId, status: "offered" }, data: { status: "matching" } }),
    ),
  ]);
}

/** Messages already sent keep their text, with `phone` replaced by `masked`. */
export async function maskPhoneInOutbox(db: Db, phone: string, masked: string): Promise<void> {
  const rows = await db.outboundMessage.findMany({ where: { payload: { contains: phone } } });
  for (const row of rows) {
    await db.outboundMessage.update({
      where: { id: row.id },
      data: { payload: row.payload.split(phone).join(masked) },
    });
  }
}
