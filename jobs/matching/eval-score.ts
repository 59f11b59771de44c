// The measures of the eval set's score.py (nDCG@5, P@1, recall of grade-3 experts in the top 5),
// in TypeScript so tests need no Python.

export interface Judgment {
  id: string;
  relevant: Record<string, number>;
}

export interface EvalScore {
  ndcg5: number;
  p1: number;
  recall5_grade3: number;
  missing: number;
  n: number;
}

function ndcg(ranked: readonly string[], relevant: Record<string, number>, k = 5): number {
  const gain = (grade: number) => 2 ** grade - 1;
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    dcg += gain(relevant[id] ?? 0) / Math.log2(i + 2);
  });
  const ideal = Object.values(relevant)
    .sort((a, b) => b - a)
    .slice(0, k);
  let idcg = 0;
  ideal.forEach((grade, i) => {
    idcg += gain(grade) / Math.log2(i + 2);
  });
  return idcg > 0 ? dcg / idcg : 0;
}

export function scoreRankings(judgments: readonly Judgment[], rankings: ReadonlyMap<string, string[]>): EvalScore {
  let nd = 0;
  let p1 = 0;
  let recall = 0;
  let missing = 0;
  for (const judgment of judgments) {
    const ranked = rankings.get(judgment.id) ?? [];
    if (!rankings.has(judgment.id)) missing++;
    const rel = judgment.relevant;
    nd += ndcg(ranked, rel);
    const first = ranked[0];
    if (first !== undefined && rel[first] === 3) p1++;
    const top = Object.keys(rel).filter((id) => rel[id] === 3);
    if (top.length > 0) {
      const head = new Set(ranked.slice(0, 5));
      recall += top.filter((id) => head.has(id)).length / Math.min(5, top.length);
    } else {
      recall += 1;
    }
  }
  const n = judgments.length;
  return { ndcg5: nd / n, p1: p1 / n, recall5_grade3: recall / n, missing, n };
}
