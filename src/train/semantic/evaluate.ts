import { decide, type Decision } from './calibration.js';
import type { LabelledQuery } from './inputs.js';
import { conceptScores, goldRank, rankMetrics, type RankMetrics } from './ranking.js';
import type { SemanticIndex } from './semantic-index.js';

/** How one evaluation query was answered. */
export interface EvaluatedQuery {
  query: string;
  gold: string[];
  /** The first answer's key (null: no answer). */
  top: string | null;
  /** 0-based rank of the right concept; -1 when it is not among the candidates. */
  rank: number;
  decision: Decision;
}

/**
 * Rank metrics of the index on labelled queries at its calibrated weight, and how its decisions fare:
 * `matchRate` is the share of queries answered "match", `matchPrecision` the share of those answered right.
 */
export async function evaluate(
  index: SemanticIndex,
  queries: readonly LabelledQuery[],
  onProgress?: (done: number, total: number) => void,
): Promise<RankMetrics & { matchPrecision: number; matchRate: number; answers: EvaluatedQuery[] }> {
  const answers: EvaluatedQuery[] = [];
  let matched = 0;
  let matchedRight = 0;
  const batch = 256;
  for (let start = 0; start < queries.length; start += batch) {
    const slice = queries.slice(start, start + batch);
    const prepared = await index.candidates(slice.map((q) => q.query));
    slice.forEach((q, i) => {
      const ranked = conceptScores(prepared[i]!.labels, index.calibration);
      const rank = goldRank(ranked, new Set(q.gold));
      const decision = ranked[0] ? decide(index.calibration, ranked[0]) : 'no match';
      answers.push({ query: q.query, gold: q.gold, top: ranked[0]?.key ?? null, rank, decision });
      if (decision === 'match') {
        matched++;
        if (rank === 0) matchedRight++;
      }
    });
    onProgress?.(Math.min(start + batch, queries.length), queries.length);
  }
  return {
    ...rankMetrics(answers.map((a) => a.rank)),
    matchRate: queries.length === 0 ? 0 : matched / queries.length,
    matchPrecision: matched === 0 ? 0 : matchedRight / matched,
    answers,
  };
}
