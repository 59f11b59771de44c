// An offer's timeout is one delayed job at a time: the reminder halfway, then (scheduled by the reminder,
// or by recovery for an offer already reminded) the expiry when the time is up.
import { describe, expect, it } from "vitest";
import type { AddOptions } from "../../jobs/job-system.ts";
import { scheduleOfferTimeout } from "../../jobs/offer-timeout.ts";
import { typedEnqueue } from "../../jobs/registry.ts";

// What reaches the queue: the typed enqueue over a recording transport, so the job id is the queue's rule.
function recorder() {
  const queued: { queue: string; payload: object; options?: AddOptions }[] = [];
  const enqueue = typedEnqueue(async (queue, payload, options) => {
    queued.push({ queue, payload, options });
  });
  return { queued, enqueue };
}

describe("an offer nobody answers", () => {
  const hour = 3600 * 1000;

  it("is first scheduled for its reminder, halfway through the time allowed", async () => {
    const { queued, enqueue } = recorder();
    await scheduleOfferTimeout(enqueue, 48, "m1", new Date(Date.now() - 4 * hour));
    expect(queued).toHaveLength(1);
    expect(queued[0]?.payload).toEqual({ matchId: "m1", step: "remind" });
    expect(queued[0]?.options?.jobId).toBe("remind-m1");
    // 24 h after the offer, 4 h of which have passed (the clock moves a little while the test runs).
    expect(Math.abs((queued[0]?.options?.delayMs ?? 0) - 20 * hour)).toBeLessThan(60_000);
  });

  it("once reminded, is scheduled to expire when the whole time is up, or at once when it already is", async () => {
    const { queued, enqueue } = recorder();
    await scheduleOfferTimeout(enqueue, 48, "m2", new Date(Date.now() - 30 * hour), true);
    await scheduleOfferTimeout(enqueue, 48, "m3", new Date(Date.now() - 50 * hour), true);
    expect(queued.map((job) => job.payload)).toEqual([
      { matchId: "m2", step: "expire" },
      { matchId: "m3", step: "expire" },
    ]);
    expect(Math.abs((queued[0]?.options?.delayMs ?? 0) - 18 * hour)).toBeLessThan(60_000);
    expect(queued[1]?.options?.delayMs).toBe(0);
  });
});
