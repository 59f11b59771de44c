// The daily staff digest: a BullMQ job scheduler fires at DIGEST_TIME in Asia/Shanghai and fans out one
// job per staff member, and one for the staff chat when DIGEST_CHAT names one. Each is sent exactly once
// a day (digest-once.ts); the jobs of a worker share their tallies and charts.
import { type Job, Queue } from "bullmq";
import { dayOf, timeZone } from "../../core/calendar.ts";
import { hashTagged } from "../../core/config.ts";
import { personById } from "../../prisma/digest-repository.ts";
import { peopleWithRoles, type Role } from "../../prisma/people.ts";
import type { JobDefinition, QueueModule } from "../job-system.ts";
import { bullConnection } from "../redis-connection.ts";
import { localeOfPerson, type Services, sendToPerson } from "../services.ts";
import { scopeOf } from "./compose-digest.ts";
import { digestChatId, sendChatDigest } from "./digest-chat.ts";
import { type DailyOptions, type DigestRecipient, digestKey, sendDigestOnce } from "./digest-once.ts";
import { SharedWork } from "./shared-work.ts";

export const digestQueue = "digest";
const schedulerId = "daily-digest";
const staffRoles: Role[] = ["staff", "admin", "team_leader"];

export type DigestPayload =
  /** The scheduler's daily run (day from the scheduled time), or a run for a given day. */
  | { kind: "run"; day?: string }
  /** One staff member's digest of one day. */
  | { kind: "person"; personId: string; day: string }
  /** The staff chat's digest of one day (DIGEST_CHAT). */
  | { kind: "chat"; chatId: string; day: string };

declare module "../../core/ports.ts" {
  interface Jobs {
    digest: DigestPayload;
  }
}

/** Cron pattern of a local HH:MM, every day. */
export function digestPattern(clock: string): string {
  const [hours, minutes] = clock.split(":").map(Number);
  return `${minutes} ${hours} * * *`;
}

/**
 * Creates or updates the daily scheduler. Called at every start: Redis may have lost it, and
 * DIGEST_TIME may have changed; upserting the same id never makes a second one.
 */
export async function upsertDigestScheduler(redisUrl: string, prefix: string, clock: string): Promise<void> {
  const bull = bullConnection(redisUrl);
  const queue = new Queue(digestQueue, { connection: bull.connection, prefix: hashTagged(prefix) });
  try {
    await queue.upsertJobScheduler(
      schedulerId,
      { pattern: digestPattern(clock), tz: timeZone },
      {
        name: schedulerId,
        data: { kind: "run" },
        opts: {
          attempts: 5,
          backoff: { type: "exponential", delay: 1000 },
          removeOnComplete: { age: 7 * 24 * 3600, count: 100 },
          removeOnFail: { age: 30 * 24 * 3600 },
        },
      },
    );
  } finally {
    await queue.close();
    await bull.close();
  }
}

/**
 * Queues one digest job per staff member and one for the staff chat; the job ids keep a second run of
 * the day from queueing twice. Returns how many were queued.
 */
export async function fanOutDigests(services: Services, day: string): Promise<number> {
  const staff = await peopleWithRoles(services.db, staffRoles);
  for (const { id: personId } of staff) {
    await services.enqueue("digest", { kind: "person", personId, day });
  }
  const chatId = await digestChatId(services);
  if (chatId) await services.enqueue("digest", { kind: "chat", chatId, day });
  return staff.length + (chatId ? 1 : 0);
}

/** A staff member as a digest recipient: privately, in their language, their team if they lead one. */
export async function staffRecipient(
  services: Services,
  person: { id: string; role: string; staffTeamKey: string | null },
): Promise<DigestRecipient> {
  return {
    owner: { personId: person.id },
    locale: await localeOfPerson(services, person.id),
    scopeTeam: scopeOf(person),
    send: (part, key) => sendToPerson(services, { personId: person.id, key, compose: () => part.message }),
  };
}

/** Sends a staff member's digest of `day` once. Returns what happened, for the job's result. */
export async function sendDailyDigest(services: Services, personId: string, day: string, options: DailyOptions = {}) {
  const person = await personById(services.db, personId);
  if (!person || !(staffRoles as string[]).includes(person.role)) return "not-staff";
  return sendDigestOnce(services, await staffRecipient(services, person), day, options);
}

/** The day a scheduler run is for: its scheduled time, so a late worker still writes the right day. */
function dayOfRun(job: Job<DigestPayload>, payload: { day?: string }): string {
  return payload.day ?? dayOf(new Date(job.opts.prevMillis ?? job.timestamp));
}

export function digestJob(services: Services): JobDefinition<DigestPayload> {
  const shared = new SharedWork();
  return {
    queue: digestQueue,
    concurrency: 2,
    process: async (payload, job) => {
      if (payload.kind === "run") return `queued ${await fanOutDigests(services, dayOfRun(job, payload))}`;
      if (payload.kind === "chat") return sendChatDigest(services, payload.chatId, payload.day, { shared });
      return sendDailyDigest(services, payload.personId, payload.day, { shared });
    },
  };
}

/**
 * Registry entry (jobs/registry.ts): a person's or a chat's digest of a day has one job id, so a second
 * run of the day queues nothing twice; recovery upserts the scheduler, which Redis may have lost.
 */
export const digest: QueueModule<"digest"> = {
  jobId: (payload) => {
    if (payload.kind === "person") return digestKey({ personId: payload.personId }, payload.day);
    if (payload.kind === "chat") return digestKey({ chatId: payload.chatId }, payload.day);
    return `digest-run-${payload.day ?? dayOf(new Date())}`;
  },
  workers: ({ services }) => [digestJob(services)],
  resume: ({ services, redisUrl }) =>
    upsertDigestScheduler(redisUrl, services.config.QUEUE_PREFIX, services.config.DIGEST_TIME),
};
