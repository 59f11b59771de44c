// A daily digest sent exactly once, whatever the number of workers or restarts: the DigestRun row
// (unique recipient + day) is claimed before anything is sent, and every part goes out under an outbox
// key made of recipient and day, which the outbox sends at most once. The same for a staff member and
// for the staff chat.

import type { Locale } from "../../core/i18n.ts";
import { claimDigestRun, type DigestOwner, previousDigestDay } from "../../prisma/digest-repository.ts";
import { outboundWithKey } from "../../prisma/outbox-repository.ts";
import { type Services, translate } from "../services.ts";
import { composeDigest, type DigestPart, type DigestRequest } from "./compose-digest.ts";
import { dailyPeriod } from "./digest-period.ts";
import type { SharedWork } from "./shared-work.ts";

export type { DigestOwner };

export interface DigestRecipient {
  owner: DigestOwner;
  locale: Locale;
  /** A team leader's team; null for the whole programme. */
  scopeTeam: string | null;
  /** Hands one part to the outbox under `key`; false when the recipient cannot be reached. */
  send(part: DigestPart, key: string): Promise<boolean>;
}

/** The clock (tests fix it) and the figures and charts lent by the run's other digests. */
export interface DailyOptions {
  now?: Date;
  shared?: SharedWork;
}

export type DigestResult = "sent" | "sent-after-claim" | "already-sent" | "unreachable";

/** The outbox key of a part of a recipient's digest of a day. */
export function digestKey(owner: DigestOwner, day: string, suffix = ""): string {
  const who = "personId" in owner ? owner.personId : `chat-${owner.chatId}`;
  return `digest-${who}-${day}${suffix ? `-${suffix}` : ""}`;
}

/** The recipient's digest of `day`: since their previous daily digest, in their language and scope. */
export async function dailyDigestRequest(
  services: Services,
  recipient: Pick<DigestRecipient, "owner" | "locale" | "scopeTeam">,
  day: string,
  options: DailyOptions = {},
): Promise<DigestRequest> {
  const lastDay = await previousDigestDay(services.db, recipient.owner, day);
  return {
    t: translate(services, recipient.locale),
    locale: recipient.locale,
    period: dailyPeriod(day, services.config.DIGEST_TIME, lastDay, options.now ?? new Date()),
    scopeTeam: recipient.scopeTeam,
    shared: options.shared,
  };
}

/** Sends the recipient's digest of `day` once. Returns what happened, for the job's result. */
export async function sendDigestOnce(
  services: Services,
  recipient: DigestRecipient,
  day: string,
  options: DailyOptions = {},
): Promise<DigestResult> {
  const { db } = services;
  // Read before the claim below writes today's run.
  const request = await dailyDigestRequest(services, recipient, day, options);
  const claimed = await claimDigestRun(db, recipient.owner, day);
  // Claimed elsewhere: done when its first part is in the outbox. If not, the claimer crashed (or is
  // still composing); sending again is safe because the outbox keys are the same.
  if (!claimed && (await outboundWithKey(db, digestKey(recipient.owner, day)))) return "already-sent";
  for (const part of await composeDigest(services, request)) {
    if (!(await recipient.send(part, digestKey(recipient.owner, day, part.suffix)))) return "unreachable";
  }
  return claimed ? "sent" : "sent-after-claim";
}
