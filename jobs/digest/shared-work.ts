// Work that the digests of one daily run share: every reader of the same period gets the same tally,
// and every reader of the same scope and language the same chart. The first digest of the run does it,
// the others in this process take the result, for a few minutes only (the next run is a day later).

const keepMs = 10 * 60_000;

export class SharedWork {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();

  /** The result of `compute` for `key`, computed once while kept; a failure is not kept. */
  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const now = Date.now();
    for (const [old, entry] of this.entries) if (now - entry.at > keepMs) this.entries.delete(old);
    const kept = this.entries.get(key);
    if (kept) return kept.value as Promise<T>;
    const value = compute();
    const entry = { at: now, value };
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }
}
