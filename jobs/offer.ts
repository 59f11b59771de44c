// Offers a request to the next candidate, consent first: one open offer per request at a time,
// the best-ranked expert under their monthly cap who can be reached. When candidates run out the
// request is flagged to staff with the reason.
import type { Translate } from "../bot/i18n.ts";
import { personIdForExpert } from "../bot/people.ts";
import { type Services, sendToChat, sendToPerson, translate } from "../bot/services.ts";
import { describePlace, describeWindow, problemExcerpt, skillLabels } from "../handlers/request-format.ts";
import type { JobDefinition } from "./job-system.ts";
import { monthStart } from "./matching/load-profiles.ts";
import type { MatchReason } from "./matching/types.ts";
import { scheduleOfferTimeout } from "./offer-timeout.ts";

export const offerQueue = "offer";

export interface OfferPayload {
  requestId: number;
}

const finished = new Set(["introduced", "closed", "cancelled", "expired", "draft"]);

export function renderReasons(t: Translate, reasonsJson: string): string {
  let reasons: MatchReason[] = [];
  try {
    reasons = JSON.parse(reasonsJson) as MatchReason[];
  } catch {
    reasons = [];
  }
  return reasons.map((reason) => t(`reasons.${reason.key}`, reason.params)).join(t("list.dot"));
}

/** Makes the next offer for a request, or flags it to staff when nobody is left. */
export async function offerNext(services: Services, requestId: number): Promise<void> {
  const { db, config } = services;
  const request = await db.helpRequest.findUnique({
    where: { id: requestId },
    include: { matches: { orderBy: { rank: "asc" }, include: { expert: true } }, requester: true, enterprise: true },
  });
  if (!request || finished.has(request.status)) return;
  if (request.matches.some((match) => match.status === "offered")) return;

  for (const match of request.matches.filter((candidate) => candidate.status === "candidate")) {
    const offersThisMonth = await db.match.count({
      where: { expertId: match.expertId, offeredAt: { gte: monthStart(new Date()) } },
    });
    const expert = match.expert;
    // Staff assignments go ahead whatever the expert's monthly load; the ranker's picks respect the cap.
    const overCap = match.assignedBy === "system" && offersThisMonth >= config.MONTHLY_OFFER_CAP;
    if (overCap || expert.paused || !expert.active) {
      await db.match.update({ where: { id: match.id }, data: { status: "skipped" } });
      continue;
    }
    // Claim the candidate first so that two workers never offer the same request twice.
    const claimed = await db.match.updateMany({
      where: { id: match.id, status: "candidate" },
      data: { status: "offered", offeredAt: new Date() },
    });
    if (claimed.count === 0) return;
    const personId = await personIdForExpert(db, expert.id, expert.name);
    const requesterName = request.enterprise?.name ?? request.requester.displayName;
    const reached = await sendToPerson(services, {
      personId,
      key: `offer-${match.id}`,
      compose: (t, locale) => {
        const skills = skillLabels(request, locale);
        const problem = [skills.join(t("list.separator")), problemExcerpt(request.text)].filter(Boolean).join(" — ");
        return {
          kind: "card",
          title: t("offer.title", { code: request.code }),
          text: t("offer.text", {
            name: expert.name,
            requester: requesterName,
            code: request.code,
            problem,
            place: describePlace(t, request, locale),
            mode: t(`mode.${request.mode}`),
            window: describeWindow(t, request),
            reasons: renderReasons(t, match.reasons),
          }),
          buttons: [
            { label: t("offer.accept"), value: `offer.accept:${match.id}` },
            { label: t("offer.decline"), value: `offer.decline:${match.id}` },
            { label: t("offer.later"), value: `offer.later:${match.id}` },
          ],
        };
      },
    });
    if (!reached) {
      await db.match.update({ where: { id: match.id }, data: { status: "skipped", offeredAt: null } });
      continue;
    }
    await scheduleOfferTimeout(services.enqueue, config.OFFER_TIMEOUT_HOURS, match.id, new Date());
    await db.$transaction([
      db.helpRequest.update({ where: { id: request.id }, data: { status: "offered", waitReason: "offer_unanswered" } }),
      db.requestEvent.create({
        data: {
          requestId: request.id,
          actor: "system",
          type: "offered",
          detail: JSON.stringify({ expert: expert.name }),
        },
      }),
    ]);
    return;
  }
  await flagUnmatched(services, request.id);
}

/** No expert is left: tell the enterprise, and every staff member, once. */
async function flagUnmatched(services: Services, requestId: number): Promise<void> {
  const { db } = services;
  const request = await db.helpRequest.findUniqueOrThrow({ where: { id: requestId }, include: { matches: true } });
  const reason = request.matches.length === 0 ? "no_candidate" : "all_declined";
  const flagged = await db.helpRequest.updateMany({
    where: { id: requestId, status: { not: "unmatched" } },
    data: { status: "unmatched", waitReason: reason },
  });
  if (flagged.count === 0) return;
  await db.requestEvent.create({
    data: { requestId, actor: "system", type: "unmatched", detail: JSON.stringify({ reason }) },
  });
  const round = request.matches.length;
  const t = translate(services, request.locale === "en" ? "en" : "zh-CN");
  await sendToChat(services, {
    chatId: request.chatId,
    key: `unmatched-${requestId}-${round}`,
    message: { kind: "text", text: t("intake.no_match", { code: request.code }) },
  });
  const staff = await db.person.findMany({ where: { role: { in: ["staff", "admin"] } } });
  for (const member of staff) {
    await sendToPerson(services, {
      personId: member.id,
      key: `unmatched-${requestId}-${round}-${member.id}`,
      compose: (st) => ({
        kind: "text",
        text: st("staff.unmatched", {
          code: request.code,
          reason: st(`reason_none.${reason}`),
          text: problemExcerpt(request.text),
        }),
      }),
    });
  }
}

export function offerJob(services: Services): JobDefinition<OfferPayload> {
  return {
    queue: offerQueue,
    concurrency: 2,
    process: async ({ requestId }) => offerNext(services, requestId),
  };
}
