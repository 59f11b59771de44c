// One query at a time per process on the SQLite file: Prisma's queries and transactions (through
// prisma/sqlite-adapter.ts) and the plain-SQL writes of prisma/direct-sql.ts all take this lock, so a
// plain write never waits on a Prisma transaction of this process while blocking the event loop.

/** A first-come, first-served lock for async work. */
export class QueryLock {
  private tail: Promise<unknown> = Promise.resolve();

  /** Resolves to a release function once every earlier holder has released the lock. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const turn = this.tail.then(() => once(release));
    this.tail = released;
    return turn;
  }

  async runExclusive<T>(work: () => T | Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

function once(release: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    release();
  };
}
