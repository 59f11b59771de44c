// The experts one request reaches, with how each covers every requested skill. A request at 100,000 experts
// reaches tens of thousands through the posting lists: they live in typed arrays sized once per request (a
// fit is three array cells, not an object), kept in the order they were first reached, which the ranking's
// ties follow.

/** How an expert covers one requested skill. */
export type Via = "skill" | "related" | "team" | "text" | "none";

const VIAS: readonly Via[] = ["none", "skill", "related", "team", "text"];
const VIA_CODE: Record<Via, number> = { none: 0, skill: 1, related: 2, team: 3, text: 4 };

export interface Fit {
  value: number;
  via: Via;
  /** The expert's own skill key that gave the credit (for related skills). */
  through: string | null;
}

export class Candidates {
  /** Index slots in the order first reached. */
  readonly slots: Int32Array;
  private count = 0;
  private readonly values: Float64Array;
  private readonly vias: Uint8Array;
  /** Index into `keys` + 1 (0 for none). */
  private readonly throughs: Uint16Array;
  private readonly keys: string[] = [];
  private readonly positions: Int32Array;

  /**
   * `width`: requested skills (fits per candidate); `capacity`: the index's slot count; `reach`: at most
   * how many experts the request can reach (the lengths of the posting lists it reads).
   */
  constructor(
    readonly width: number,
    capacity: number,
    reach: number = capacity,
  ) {
    const most = Math.min(capacity, reach);
    this.slots = new Int32Array(most);
    this.values = new Float64Array(most * width);
    this.vias = new Uint8Array(most * width);
    this.throughs = new Uint16Array(most * width);
    this.positions = new Int32Array(capacity).fill(-1);
  }

  get size(): number {
    return this.count;
  }

  /** Reaches `slot` (if not yet) and raises its fit for skill `skill` to `value` if that is higher. */
  raise(slot: number, skill: number, value: number, via: Via, through: string | null): void {
    let position = this.positions[slot] ?? -1;
    if (position < 0) {
      position = this.count++;
      this.positions[slot] = position;
      this.slots[position] = slot;
    }
    const cell = position * this.width + skill;
    if ((this.values[cell] ?? 0) < value) {
      this.values[cell] = value;
      this.vias[cell] = VIA_CODE[via];
      this.throughs[cell] = through === null ? 0 : this.keyCode(through);
    }
  }

  /** The best fit over the requested skills of the candidate at `position` (0 for none). */
  fitMax(position: number): number {
    let max = 0;
    for (let cell = position * this.width; cell < (position + 1) * this.width; cell++) {
      const value = this.values[cell] ?? 0;
      if (value > max) max = value;
    }
    return max;
  }

  /** The worst fit over the requested skills of the candidate at `position`. */
  fitMin(position: number): number {
    let min = Number.POSITIVE_INFINITY;
    for (let cell = position * this.width; cell < (position + 1) * this.width; cell++) {
      const value = this.values[cell] ?? 0;
      if (value < min) min = value;
    }
    return min;
  }

  /** The fits of the candidate at `position`, one per requested skill. */
  fits(position: number): Fit[] {
    return Array.from({ length: this.width }, (_, skill) => {
      const cell = position * this.width + skill;
      const through = this.throughs[cell] ?? 0;
      return {
        value: this.values[cell] ?? 0,
        via: VIAS[this.vias[cell] ?? 0] ?? "none",
        through: through === 0 ? null : (this.keys[through - 1] ?? null),
      };
    });
  }

  private keyCode(key: string): number {
    const at = this.keys.indexOf(key);
    if (at >= 0) return at + 1;
    this.keys.push(key);
    return this.keys.length;
  }
}
