// After the agreed date the bot asks both sides whether the problem was solved (解决了吗？).
import type { Translate } from "../core/i18n.ts";
import { introductionsToFollowUp } from "../prisma/due-work.ts";
import { claimFollowUp, findMatch, personOfExpert } from "../prisma/matches.ts";
import type { JobDefinition, QueueModule } from "./job-system.ts";
import { followUpAt } from "./lifecycle/follow-up-time.ts";
import { followUpQueue, scheduleFollowUp } from "./lifecycle/queues.ts";
import { type Services, sendToPerson } from "./services.ts";

export { followUpAt, followUpQueue, scheduleFollowUp };

export interface FollowUpPayload {
  matchId: string;
}

declare module "../core/ports.ts" {
  interface Jobs {
    "follow-up": FollowUpPayload;
  }
}

export async function sendFollowUp(services: Services, matchId: string): Promise<string> {
  const { db } = services;
  if (!(await claimFollowUp(db, matchId))) return "skipped";
  const match = await findMatch(db, matchId);
  if (!match) return "skipped";
  const expertPerson = await personOfExpert(db, match.expertId);
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
