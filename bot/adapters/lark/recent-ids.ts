// Ids seen recently (event ids, message ids, presses), kept for a while and bounded in size: Lark
// re-delivers an event that was not answered in time and may resend a message under a new event id.

export class RecentIds {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = 12 * 3600_000,
    private readonly max = 20_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records `id`; false when it was already seen within the time to live. */
  add(id: string): boolean {
    const now = this.now();
    const at = this.seen.get(id);
    if (at !== undefined && now - at < this.ttlMs) return false;
    this.seen.delete(id);
    this.seen.set(id, now);
    // Maps keep insertion order: the first entries are the oldest.
    for (const [oldest, time] of this.seen) {
      if (this.seen.size <= this.max && now - time < this.ttlMs) break;
      this.seen.delete(oldest);
    }
    return true;
  }

  /** Forgets `id`, so that it is taken again next time (its handling failed before it was kept). */
  forget(id: string): void {
    this.seen.delete(id);
  }

  has(id: string): boolean {
    const at = this.seen.get(id);
    return at !== undefined && this.now() - at < this.ttlMs;
  }
}
