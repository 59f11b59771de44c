// The WeChat send budget: a jittered gap per conversation, a per-minute and a per-day budget. Over
// budget a send waits for its turn; it is never dropped.
import { describe, expect, it } from "vitest";
import { SendBudget } from "../../bot/adapters/wechaty/send-budget.ts";

function clockedBudget(options: { perMinute?: number; perDay?: number; gap?: [number, number]; random?: number }) {
  let now = Date.UTC(2025, 2, 3, 2, 0, 0); // 10:00 in Shanghai
  const waits: number[] = [];
  const budget = new SendBudget({
    gapMs: { min: options.gap?.[0] ?? 1000, max: options.gap?.[1] ?? 3000 },
    perMinute: options.perMinute ?? 20,
    perDay: options.perDay ?? 800,
    now: () => now,
    random: () => options.random ?? 0.5,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  });
  return { budget, waits, advance: (ms: number) => (now += ms) };
}

const signal = new AbortController().signal;

describe("the WeChat send budget", () => {
  it("keeps a jittered gap between two messages to the same room, none between rooms", async () => {
    const { budget, waits } = clockedBudget({ gap: [1000, 3000], random: 0.25 });
    await budget.acquire("room-a@chatroom", signal);
    await budget.acquire("room-b@chatroom", signal);
    expect(waits).toEqual([]);
    await budget.acquire("room-a@chatroom", signal);
    expect(waits).toEqual([1500]);
  });

  it("makes the message over the per-minute budget wait for the oldest to leave the window", async () => {
    const { budget, waits, advance } = clockedBudget({ perMinute: 3, gap: [0, 0] });
    for (const room of ["a", "b", "c"]) {
      await budget.acquire(room, signal);
      advance(10_000);
    }
    await budget.acquire("d", signal);
    expect(waits).toEqual([30_000]);
  });

  it("makes the message over the daily budget wait until midnight in Shanghai", async () => {
    const { budget, waits } = clockedBudget({ perDay: 2, gap: [0, 0] });
    await budget.acquire("a", signal);
    await budget.acquire("b", signal);
    expect(budget.waitMs("c")).toBe(14 * 3600_000);
    await budget.acquire("c", signal);
    expect(waits.reduce((sum, ms) => sum + ms, 0)).toBe(14 * 3600_000);
  });

  it("stops waiting only when the adapter stops", async () => {
    const budget = new SendBudget({ gapMs: { min: 60_000, max: 60_000 }, perMinute: 20, perDay: 800 });
    const stop = new AbortController();
    await budget.acquire("a", stop.signal);
    const waiting = budget.acquire("a", stop.signal);
    stop.abort(new Error("stopped"));
    await expect(waiting).rejects.toThrow("stopped");
  });
});
