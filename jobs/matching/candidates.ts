// The experts one request reaches, with how each covers every requested skill. A request at 100,000 experts
// reaches tens of thousands through the posting lists: they live in flat arrays (a fit is three array cells,
// not an object), kept in the order they were first reached, which the ranking's ties follow.

/** How an expert covers one requested skill. */
export type Via = "skill" | "related" | "team" | "text" | "none";

export interface Fit {
  value: number;
  via: Via;
  /** The expert's own skill key that gave the credit (for related skills). */
  through: string | null;
}

export class Candidates {
  /** Index slots in the order first reached. */
  readonly slots: number[] = [];
  private readonly values: number[] = [];
  private readonly vias: Via[] = [];
  private readonly throughs: (string | null)[] = [];
  private readonly positions: Int32Array;

  /** `width`: requested skills (fits per candidate); `capacity`: the index's slot count. */
  constructor(
    readonly width: number,
    capacity: number,
  ) {
    this.positions = new Int32Array(capacity).fill(-1);
  }

  get size(): number {
    return this.slots.length;
  }

  /** Reaches `slot` (if not yet) and raises its fit for skill `skill` to `value` if that is higher. */
  raise(slot: number, skill: number, value: number, via: Via, through: string | null): void {
    let position = this.positions[slot] ?? -1;
    if (position < 0) {
      position = this.slots.length;
      this.positions[slot] = position;
      this.slots.push(slot);
      for (let i = 0; i < this.width; i++) {
        this.values.push(0);
        this.vias.push("none");
        this.throughs.push(null);
      }
    }
    const cell = position * this.width + skill;
    if ((this.values[cell] ?? 0) < value) {
      this.values[cell] = value;
      this.vias[cell] = via;
      this.throughs[cell] = through;
    }
  }

  /** The best fit over the requested skills of the candidate at `position` (0 for none). */
  fitMax(position: number): number {
    let max = 0;
    for (let cell = position * this.width; cell < (position + 1) * this.width; cell++) {
      max = Math.max(max, this.values[cell] ?? 0);
    }
    return max;
  }

  /** The worst fit over the requested skills of the candidate at `position`. */
  fitMin(position: number): number {
    let min = Number.POSITIVE_INFINITY;
    for (let cell = position * this.width; cell < (position + 1) * this.width; cell++) {
      min = Math.min(min, this.values[cell] ?? 0);
    }
    return min;
  }

  /** The fits of the candidate at `position`, one per requested skill. */
  fits(position: number): Fit[] {
    return Array.from({ length: this.width }, (_, skill) => {
      const cell = position * this.width + skill;
      return { value: this.values[cell] ?? 0, via: this.vias[cell] ?? "none", through: this.throughs[cell] ?? null };
    });
  }
}
