// One-time codes that link a chat account to an expert's profile (`/bind`, then the code sent from that account).
import type { Db } from "./client.ts";
import type { BindingCode } from "./generated/client.ts";

export async function createBindingCode(
  db: Db,
  code: { code: string; expertId: string; createdBy: string; expiresAt: Date },
): Promise<void> {
  await db.bindingCode.create({ data: code });
}

export function bindingCodeOf(db: Db, code: string): Promise<BindingCode | null> {
  return db.bindingCode.findUnique({ where: { code } });
}

/**
 * In one transaction: the account (`platform`, `externalId`) becomes `personId`, the code is spent, and
 * the expert's consent is recorded at `consentAt` (their earlier consent, if any, kept by the caller).
 */
export async function redeemBindingCode(
  db: Db,
  redemption: {
    code: string;
    platform: string;
    externalId: string;
    personId: string;
    expertId: string;
    consentAt: Date;
  },
): Promise<void> {
  const { code, platform, externalId, personId, expertId, consentAt } = redemption;
  await db.$transaction([
    db.identity.update({ where: { platform_externalId: { platform, externalId } }, data: { personId } }),
    db.bindingCode.delete({ where: { code } }),
    db.expert.update({ where: { id: expertId }, data: { consentAt } }),
  ]);
}
