// The shape of one benchmark line (contract 4 in DESIGN.md) and the arithmetic every bench shares.

export interface BenchLine {
  name: string;
  value: number;
  unit: string;
  [context: string]: unknown;
}

export function round(value: number, digits = 3): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** The p-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Context of a figure measured beside its reference in the same run: the reference, its value and the ratio. */
export function against(reference: string, referenceValue: number, value: number): Record<string, unknown> {
  return { reference, reference_value: round(referenceValue), ratio: round(value / referenceValue) };
}

/** Context of a figure with a target: at least `min` (throughput) or below `max` (latency, memory, time). */
export function target(value: number, goal: { min: number } | { max: number }): Record<string, unknown> {
  if ("min" in goal) return { target: `>= ${goal.min}`, meets: value >= goal.min };
  return { target: `< ${goal.max}`, meets: value < goal.max };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` every `everyMs` until it is true or `timeoutMs` passes; false on timeout. */
export async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 10) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await check()) return true;
    await sleep(everyMs);
  }
  return false;
}
