// WeChat publishes no limits and bans accounts that send too fast, so every send waits for its turn:
// a jittered gap per conversation, a budget per minute and one per day (Asia/Shanghai). A send over
// budget waits instead of failing, so nothing is ever dropped; only stopping the adapter ends a wait.
import { dayNumberOf, startOfDay } from "../../../core/calendar.ts";

export interface SendBudgetOptions {
  /** Pause between two messages to the same room or person, drawn uniformly from [min, max]. */
  gapMs: { min: number; max: number };
  perMinute: number;
  perDay: number;
  now?: () => number;
  random?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const minuteMs = 60_000;

/** Resolves after `ms`, or rejects as soon as `signal` aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

export class SendBudget {
  private readonly nextAllowed = new Map<string, number>();
  private readonly lastMinute: number[] = [];
  private day = -1;
  private sentToday = 0;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;

  constructor(private readonly options: SendBudgetOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? abortableSleep;
  }

  /** How long a message to `conversation` has to wait now; 0 when it may go. */
  waitMs(conversation: string): number {
    const now = this.now();
    while (this.lastMinute.length && (this.lastMinute[0] ?? 0) <= now - minuteMs) this.lastMinute.shift();
    const today = dayNumberOf(now);
    if (today !== this.day) {
      this.day = today;
      this.sentToday = 0;
    }
    const waits = [(this.nextAllowed.get(conversation) ?? 0) - now];
    if (this.lastMinute.length >= this.options.perMinute) waits.push((this.lastMinute[0] ?? now) + minuteMs - now);
    if (this.sentToday >= this.options.perDay) waits.push(startOfDay(today + 1).getTime() - now);
    return Math.max(0, ...waits);
  }

  /**
   * Waits until a message to `conversation` may go out, then books it. Rejects only when `signal`
   * aborts (the adapter stops); the outbox row stays pending and is delivered after the restart.
   */
  async acquire(conversation: string, signal: AbortSignal, onWait?: (ms: number) => void): Promise<void> {
    for (;;) {
      const wait = this.waitMs(conversation);
      if (wait <= 0) break;
      onWait?.(wait);
      // Sleep in slices so a clock change or a freed budget is noticed.
      await this.sleep(Math.min(wait, minuteMs), signal);
    }
    const now = this.now();
    const { min, max } = this.options.gapMs;
    this.nextAllowed.set(conversation, now + min + Math.round(this.random() * (max - min)));
    this.lastMinute.push(now);
    this.sentToday += 1;
  }
}
