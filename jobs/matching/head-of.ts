// The head of a long list of scores without sorting all of them.

/**
 * Positions (into `scores`) of the `size` highest scores, highest first, equal scores in their order:
 * what a stable sort of all of them would put first, without sorting tens of thousands.
 */
export function headOf(scores: Float64Array, size: number): number[] {
  const head: number[] = [];
  if (scores.length <= size) {
    for (let at = 0; at < scores.length; at++) head.push(at);
  } else {
    // The size-th highest score: every score above it is in, and as many equal to it as there is room for.
    const threshold = scores.slice().sort()[scores.length - size] ?? 0;
    let equalRoom = size;
    for (const score of scores) if (score > threshold) equalRoom--;
    for (let at = 0; at < scores.length; at++) {
      const score = scores[at] ?? 0;
      if (score > threshold || (score === threshold && equalRoom-- > 0)) head.push(at);
    }
  }
  return head.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));
}
