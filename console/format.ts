// Small wordings shared by the console's pages.
import type { Translate } from "../core/i18n.ts";
import { erasedExpertName } from "../core/roster/erased-expert.ts";

/** "5 小时" or "3 天 2 小时": how long something has waited. */
export function waited(t: Translate, since: Date, now: Date): string {
  const hours = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 3_600_000));
  if (hours < 48) return t("console.waited_hours", { hours });
  return t("console.waited_days", { days: Math.floor(hours / 24), hours: hours % 24 });
}

/** "2026-12-01 15:30" in Asia/Shanghai. */
export function shanghaiStamp(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}

/** Why a waiting request waits, as the digest says it. */
export function waitReasonKey(status: string, waitReason: string | null): string {
  if (waitReason && ["no_candidate", "all_declined", "offer_unanswered", "draft_unconfirmed"].includes(waitReason))
    return waitReason;
  if (status === "draft") return "draft_unconfirmed";
  if (status === "unmatched") return "no_candidate";
  if (status === "offered") return "offer_unanswered";
  return "matching";
}

/** A person's or expert's name as the reader sees it: an erased one reads "(account closed)" in English. */
export function displayedName(t: Translate, name: string): string {
  return name === erasedExpertName ? t("privacy.erased_name") : name;
}
