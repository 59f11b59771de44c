// After the agreed date the bot asks both sides whether the problem was solved (解决了吗？).

import { localTime } from "../core/calendar.ts";
import type { Translate } from "../core/i18n.ts";
import type { Enqueue } from "../core/ports.ts";
import { introductionsToFollowUp } from "../prisma/due-work.ts";
import type { JobDefinition, QueueModule } from "./job-system.ts";
import { type Services, sendToPerson } from "./services.ts";

export const followUpQueue = "follow-up";

export interface FollowUpPayload {
  matchId: string;
}

declare module "../core/ports.ts" {
  interface Jobs {
    "follow-up": FollowUpPayload;
  }
}

const dayMs = 24 * 3600 * 1000;

/** When to ask: the day after the request's window ends, or FOLLOW_UP_DAYS after the introduction. */
export function followUpAt(introducedAt: Date, windowEnd: string | null, followUpDays: number): Date {
  const afterIntroduction = introducedAt.getTime() + followUpDays * dayMs;
  // 10:00 in Asia/Shanghai on the day after the window's last day.
  const afterWindow = windowEnd ? localTime(windowEnd, "10:00").getTime() + dayMs : Number.NaN;
  return new Date(
    Number.isNaN(afterWindow) ? afterIntroduction : Math.max(afterWindow, introducedAt.getTime() + dayMs),
  );
}

export async function scheduleFollowUp(enqueue: Enqueue, matchId: string, at: Date): Promise<void> {
  await enqueue("follow-up", { matchId }, { delayMs: Math.max(0, at.getTime() - Date.now()) });
}

export async function sendFollowUp(services: Services, matchId: string): Promise<string> {
  const { db } = services;
  const claimed = await db.match.updateMany({
    where: { id: matchId, status: "accepted", followedUpAt: null, outcome: null },
    data: { followedUpAt: new Date() },
  });
  if (claimed.count === 0) return "skipped";
  const match = await db.match.findUniqueOrThrow({ where: { id: matchId }, include: { request: true, expert: true } });
  const expertPerson = await db.person.findUnique({ where: { expertId: match.expertId } });
  const code = match.request.code;
  const buttons = (t: Translate) => [
    { label: t("follow_up.solved"), value: `followup.solved:${matchId}` },
    { label: t("follow_up.unsolved"), value: `followup.unsolved:${matchId}` },
  ];
  await sendToPerson(services, {
    personId: match.request.requesterId,
    key: `follow-up-requester-${matchId}`,
    compose: (t) => ({
      kind: "card",
      text: t("follow_up.ask_enterprise", { code, expert: match.expert.name }),
      buttons: buttons(t),
    }),
  });
  if (expertPerson) {
    await sendToPerson(services, {
      personId: expertPerson.id,
      key: `follow-up-expert-${matchId}`,
      compose: (t) => ({ kind: "card", text: t("follow_up.ask_expert", { code }), buttons: buttons(t) }),
    });
  }
  return "asked";
}

export function followUpJob(services: Services): JobDefinition<FollowUpPayload> {
  return { queue: followUpQueue, concurrency: 2, process: ({ matchId }) => sendFollowUp(services, matchId) };
}

/** Registry entry (jobs/registry.ts): introductions not yet asked about get their question back. */
export const followUp: QueueModule<"follow-up"> = {
  jobId: ({ matchId }) => `follow-up-${matchId}`,
  workers: ({ services }) => [followUpJob(services)],
  resume: async ({ services }) => {
    for (const match of await introductionsToFollowUp(services.db)) {
      const days = services.config.FOLLOW_UP_DAYS;
      await scheduleFollowUp(
        services.enqueue,
        match.id,
        followUpAt(match.introducedAt ?? new Date(), match.request.windowEnd, days),
      );
    }
  },
};
