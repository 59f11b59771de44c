// Tasks that must not overlap per key (messages to one chat) while different keys run side by side.

/** Runs tasks one at a time per key, in the order they were handed over. */
export class KeyedSerial {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    // A failed task does not hold back the next one of its key: it failed on its own.
    const result = (this.tails.get(key) ?? Promise.resolve()).catch(() => undefined).then(task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
