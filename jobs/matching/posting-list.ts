// One posting list of the expert index: slots and weights in typed arrays side by side. A worker holds about
// two million postings at 100,000 experts; as plain arrays each posting cost 16 bytes plus the growth slack,
// and every growth left a copy behind on the JS heap. Typed arrays cost 8 bytes and live outside it. They
// grow by half, not double: the room kept for growth stays small without copying every list after a build.

/** A posting list as the ranker reads it. */
export interface Postings {
  readonly slots: Int32Array;
  readonly weights: Float32Array;
}

const FIRST_CAPACITY = 4;

export class PostingList {
  private slotsAt = new Int32Array(FIRST_CAPACITY);
  private weightsAt = new Float32Array(FIRST_CAPACITY);
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(slot: number, weight: number): void {
    if (this.count === this.slotsAt.length) this.resize(this.count + (this.count >> 1));
    this.slotsAt[this.count] = slot;
    this.weightsAt[this.count] = weight;
    this.count++;
  }

  /** Takes `slot` out, keeping the order of the others; false if it was not listed. */
  drop(slot: number): boolean {
    const at = this.slotsAt.subarray(0, this.count).indexOf(slot);
    if (at < 0) return false;
    this.slotsAt.copyWithin(at, at + 1, this.count);
    this.weightsAt.copyWithin(at, at + 1, this.count);
    this.count--;
    return true;
  }

  /** Views of the listed postings; valid until the list next changes. */
  view(): Postings {
    return { slots: this.slotsAt.subarray(0, this.count), weights: this.weightsAt.subarray(0, this.count) };
  }

  private resize(capacity: number): void {
    const slots = new Int32Array(capacity);
    const weights = new Float32Array(capacity);
    slots.set(this.slotsAt.subarray(0, this.count));
    weights.set(this.weightsAt.subarray(0, this.count));
    this.slotsAt = slots;
    this.weightsAt = weights;
  }
}

export const noPostings: Postings = { slots: new Int32Array(0), weights: new Float32Array(0) };
