// The digest's own rows: one DigestRun per recipient and day (the claim that keeps a digest single),
// the staff chat's row, and the look-ups a digest makes. Once a day per recipient, so plain Prisma.
import type { Db } from "./client.ts";
import type { Chat, Person, ServiceTeam } from "./generated/client.ts";
import { isUniqueViolation } from "./unique-violation.ts";

/** Who a daily digest goes to: a staff member, or the staff chat (DIGEST_CHAT). */
export type DigestOwner = { personId: string } | { chatId: string };

/** The day of the recipient's latest digest before `day`, or null. */
export async function previousDigestDay(db: Db, owner: DigestOwner, day: string): Promise<string | null> {
  const last = await db.digestRun.findFirst({ where: { ...owner, day: { lt: day } }, orderBy: { day: "desc" } });
  return last?.day ?? null;
}

/** When the recipient's latest digest was sent, or null before the first. */
export async function lastDigestSentAt(db: Db, owner: DigestOwner): Promise<Date | null> {
  const last = await db.digestRun.findFirst({ where: owner, orderBy: { sentAt: "desc" } });
  return last?.sentAt ?? null;
}

/** Claims the recipient's digest of `day`; false when another worker or an earlier run claimed it. */
export async function claimDigestRun(db: Db, owner: DigestOwner, day: string): Promise<boolean> {
  return db.digestRun
    .create({ data: { ...owner, day } })
    .then(() => true)
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) return false;
      throw error;
    });
}

/** The row of a chat the bot was told about in settings, written on first need. */
export async function ensureChat(db: Db, platform: string, externalId: string): Promise<string> {
  const where = { platform_externalId: { platform, externalId } };
  const row = await db.chat
    .upsert({ where, create: { platform, externalId, kind: "group", title: externalId }, update: {} })
    // Another worker wrote it first.
    .catch(() => db.chat.findUniqueOrThrow({ where }));
  return row.id;
}

export function chatById(db: Db, id: string): Promise<Chat | null> {
  return db.chat.findUnique({ where: { id } });
}

export function personById(db: Db, id: string): Promise<Person | null> {
  return db.person.findUnique({ where: { id } });
}

export function serviceTeams(db: Db): Promise<ServiceTeam[]> {
  return db.serviceTeam.findMany();
}
