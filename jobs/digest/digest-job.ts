// The daily staff digest: a BullMQ job scheduler fires at DIGEST_TIME in Asia/Shanghai and fans out one
// job per staff member. Exactly one digest per person and day, whatever the number of workers or
// restarts: the DigestRun row (unique person + day) is claimed before anything is sent, and every part
// goes out under an outbox key made of person and day, which the outbox sends at most once.
import { type Job, Queue } from "bullmq";
import { localeOfPerson, type Services, sendToPerson, translate } from "../../bot/services.ts";
import type { JobDefinition } from "../job-system.ts";
import { redisOptions } from "../job-system.ts";
import { composeDigest, type DigestRequest, scopeOf } from "./compose-digest.ts";
import { dailyPeriod, shanghaiDay } from "./digest-period.ts";
import { SharedWork } from "./shared-work.ts";

export const digestQueue = "digest";
const schedulerId = "daily-digest";
const staffRoles = ["staff", "admin", "team_leader"];

export type DigestPayload =
  /** The scheduler's daily run (day from the scheduled time), or a run for a given day. */
  | { kind: "run"; day?: string }
  /** One staff member's digest of one day. */
  | { kind: "person"; personId: string; day: string };

/** The outbox key of a part of a person's digest of a day. */
export function digestKey(personId: string, day: string, suffix = ""): string {
  return `digest-${personId}-${day}${suffix ? `-${suffix}` : ""}`;
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
  const queue = new Queue(digestQueue, { connection: redisOptions(redisUrl), prefix });
  try {
    await queue.upsertJobScheduler(
      schedulerId,
      { pattern: digestPattern(clock), tz: "Asia/Shanghai" },
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
  }
}

/** Queues one digest job per staff member; the job id keeps a second run of the day from queueing twice. */
export async function fanOutDigests(services: Services, day: string): Promise<number> {
  const staff = await services.db.person.findMany({ where: { role: { in: staffRoles } }, select: { id: true } });
  for (const person of staff) {
    await services.enqueue(
      digestQueue,
      { kind: "person", personId: person.id, day },
      { jobId: digestKey(person.id, day) },
    );
  }
  return staff.length;
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "P2002" || /unique constraint/i.test(String(error));
}

/** The clock (tests fix it) and the figures and charts lent by the run's other digests. */
export interface DailyOptions {
  now?: Date;
  shared?: SharedWork;
}

/** A staff member's daily digest of `day`: in their language, for their scope, since their previous one. */
export async function dailyDigestRequest(
  services: Services,
  person: { id: string; role: string; staffTeamKey: string | null },
  day: string,
  options: DailyOptions = {},
): Promise<DigestRequest> {
  const last = await services.db.digestRun.findFirst({
    where: { personId: person.id, day: { lt: day } },
    orderBy: { day: "desc" },
  });
  const locale = await localeOfPerson(services, person.id);
  return {
    t: translate(services, locale),
    locale,
    period: dailyPeriod(day, services.config.DIGEST_TIME, last?.day ?? null, options.now ?? new Date()),
    scopeTeam: scopeOf(person),
    shared: options.shared,
  };
}

/** Sends a person's digest of `day` once. Returns what happened, for the job's result. */
export async function sendDailyDigest(services: Services, personId: string, day: string, options: DailyOptions = {}) {
  const { db } = services;
  const person = await db.person.findUnique({ where: { id: personId } });
  if (!person || !staffRoles.includes(person.role)) return "not-staff";
  // Read before the claim below writes today's run.
  const request = await dailyDigestRequest(services, person, day, options);
  const claimed = await db.digestRun
    .create({ data: { personId, day } })
    .then(() => true)
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) return false;
      throw error;
    });
  // Claimed elsewhere: done when its first part is in the outbox. If not, the claimer crashed (or is
  // still composing); sending again is safe because the outbox keys are the same.
  if (!claimed && (await db.outboundMessage.findUnique({ where: { key: digestKey(personId, day) } })))
    return "already-sent";
  for (const part of await composeDigest(services, request)) {
    const sent = await sendToPerson(services, {
      personId,
      key: digestKey(personId, day, part.suffix),
      compose: () => part.message,
    });
    if (!sent) return "unreachable";
  }
  return claimed ? "sent" : "sent-after-claim";
}

/** The day a scheduler run is for: its scheduled time, so a late worker still writes the right day. */
function dayOfRun(job: Job<DigestPayload>, payload: { day?: string }): string {
  return payload.day ?? shanghaiDay(new Date(job.opts.prevMillis ?? job.timestamp));
}

export function digestJob(services: Services): JobDefinition<DigestPayload> {
  const shared = new SharedWork();
  return {
    queue: digestQueue,
    concurrency: 2,
    process: async (payload, job) =>
      payload.kind === "run"
        ? `queued ${await fanOutDigests(services, dayOfRun(job, payload))}`
        : sendDailyDigest(services, payload.personId, payload.day, { shared }),
  };
}
