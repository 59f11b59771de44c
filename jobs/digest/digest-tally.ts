// The figures of one period for every service team at once (prisma/digest-tally-repository.ts). One tally
// serves every digest of the period — the programme's is the sum of its teams, a team leader's is one
// team's rows. What stands at the period's end (waiting requests, lapsing experts) is the same for the day
// and its week, so it is read once for both.
import type { Db } from "../../prisma/client.ts";
import { type DigestTally, periodCounts, standingAt } from "../../prisma/digest-tally-repository.ts";
import type { DigestPeriod } from "./digest-period.ts";
import { SharedWork } from "./shared-work.ts";

export type {
  DigestTally,
  PeriodCounts,
  QuietRow,
  Standing,
  TeamCount,
  WaitingRequest,
  WaitingTeam,
  WaitReason,
} from "../../prisma/digest-tally-repository.ts";
export { waitingKept } from "../../prisma/digest-tally-repository.ts";

/** The tally of `period`; the parts it shares with other periods are taken from `shared`. */
export async function digestTally(
  db: Db,
  period: Pick<DigestPeriod, "start" | "end" | "live">,
  shared = new SharedWork(),
): Promise<DigestTally> {
  const { start, end, live } = period;
  const [counts, standing] = await Promise.all([
    shared.get(`counts:${start.getTime()}-${end.getTime()}`, () => periodCounts(db, start, end)),
    shared.get(`standing:${end.getTime()}-${live}`, () => standingAt(db, end, live)),
  ]);
  return { ...counts, ...standing };
}
