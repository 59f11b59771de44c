// Jobs of the pipeline queues that failed for good or were retried, and their error messages.
import { Queue } from "bullmq";
import { matchQueue } from "../../jobs/match.ts";
import { redisOptions } from "../../jobs/redis-connection.ts";

export interface JobErrors {
  failed: number;
  retried: number;
  errors: Record<string, number>;
}

export async function jobErrors(redisUrl: string, prefix: string): Promise<JobErrors> {
  let failed = 0;
  let retried = 0;
  const errors: Record<string, number> = {};
  for (const name of [matchQueue, "offer", "deliver-terminal"]) {
    const queue = new Queue(name, { connection: redisOptions(redisUrl), prefix });
    const jobs = [
      ...(await queue.getFailed(0, 500)),
      ...(await queue.getDelayed(0, 500)),
      ...(await queue.getCompleted(0, 2000)),
    ];
    for (const job of jobs) {
      if (job.attemptsMade > (job.finishedOn && !job.failedReason ? 1 : 0)) retried++;
      if (job.failedReason) {
        // Prisma's message starts with the call site; the driver's error is at the end.
        const reason = job.failedReason.replace(/\s+/g, " ").slice(-90);
        errors[reason] = (errors[reason] ?? 0) + 1;
      }
    }
    failed += (await queue.getJobCounts("failed"))["failed"] ?? 0;
    await queue.close();
  }
  return { failed, retried, errors };
}
