// A sender who floods a chat is slowed down: within a sliding window each sender may send a number of
// messages per chat; the first one over gets one notice, the rest are ignored until the window has
// room again. Other people in the chat are counted apart and never affected.

export type ThrottleVerdict = "pass" | "notice" | "drop";

export interface ThrottleSettings {
  maxMessages: number;
  windowMs: number;
}

/**
 * Per-process sliding windows keyed by platform, chat and sender. Kept in memory on purpose: it must
 * work while Redis is away, and a flood reaches one gateway process per chat connection.
 */
export class Throttle {
  private readonly windows = new Map<string, { times: number[]; noticed: boolean }>();
  private checks = 0;

  constructor(private readonly settings: ThrottleSettings) {}

  /** Counts one message at `now` and says what to do with it. */
  check(key: string, now = Date.now()): ThrottleVerdict {
    const since = now - this.settings.windowMs;
    if (++this.checks % 1000 === 0) this.sweep(since);
    const window = this.windows.get(key) ?? { times: [], noticed: false };
    this.windows.set(key, window);
    while (window.times.length > 0 && (window.times[0] ?? 0) <= since) window.times.shift();
    if (window.times.length < this.settings.maxMessages) {
      window.times.push(now);
      if (window.times.length === 1) window.noticed = false;
      return "pass";
    }
    if (window.noticed) return "drop";
    window.noticed = true;
    return "notice";
  }

  /** Forgets senders who have been quiet for a whole window, so memory stays bounded. */
  private sweep(since: number): void {
    for (const [key, window] of this.windows) {
      if ((window.times.at(-1) ?? 0) <= since) this.windows.delete(key);
    }
  }
}
