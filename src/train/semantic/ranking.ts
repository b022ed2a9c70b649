/** How one label of the index scores against a query. */
export interface LabelScore {
  /** The label's entry number in the index. */
  entry: number;
  key: string;
  /** Embedding cosine of the label. */
  semantic: number;
  /** TF-IDF cosine of the label. */
  lexical: number;
  /** Embedding cosine of the label's concept: the mean of its labels' vectors (the same for all its labels). */
  concept: number;
}

/** How label scores make a concept's score (chosen by calibration). */
export interface Weighting {
  /** Share of the embedding cosine against the TF-IDF cosine in a label's score. */
  weight: number;
  /** Share of the concept's mean vector against its best label in the concept's score. */
  conceptWeight: number;
}

/** A concept's score for a query. */
export interface ConceptScore {
  key: string;
  /**
   * `(1 − conceptWeight) × best label + conceptWeight × concept cosine`, where a label scores
   * `weight × semantic + (1 − weight) × lexical`.
   */
  score: number;
  /** The best label's two scores. */
  semantic: number;
  lexical: number;
  /** The concept's mean-vector cosine. */
  concept: number;
  /** The highest lexical score among the concept's labels (what the lexical threshold looks at). */
  bestLexical: number;
  /** The best label's entry number. */
  entry: number;
}

/**
 * Combine label scores into concept scores, best first (ties by key, so that rankings are reproducible).
 * A concept is found by its labels (only concepts with a candidate label are ranked) and scored by its
 * best one, blended with its mean vector when the calibration found that to rank better.
 */
export function conceptScores(labels: readonly LabelScore[], weighting: Weighting): ConceptScore[] {
  const { weight, conceptWeight } = weighting;
  const byKey = new Map<string, ConceptScore>();
  for (const l of labels) {
    const label = weight * l.semantic + (1 - weight) * l.lexical;
    const current = byKey.get(l.key);
    if (!current) {
      byKey.set(l.key, {
        key: l.key,
        score: label,
        semantic: l.semantic,
        lexical: l.lexical,
        concept: l.concept,
        bestLexical: l.lexical,
        entry: l.entry,
      });
      continue;
    }
    current.bestLexical = Math.max(current.bestLexical, l.lexical);
    if (label > current.score || (label === current.score && l.entry < current.entry))
      Object.assign(current, { score: label, semantic: l.semantic, lexical: l.lexical, entry: l.entry });
  }
  const concepts = [...byKey.values()];
  if (conceptWeight > 0)
    for (const c of concepts) c.score = (1 - conceptWeight) * c.score + conceptWeight * c.concept;
  return concepts.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The 0-based rank of the first gold concept, or -1 when none is among the ranked concepts. */
export function goldRank(ranked: readonly ConceptScore[], gold: ReadonlySet<string>): number {
  return ranked.findIndex((c) => gold.has(c.key));
}

export interface RankMetrics {
  /** Queries measured. */
  n: number;
  /** Share of queries whose first answer is right. */
  top1: number;
  /** Share whose right answer is among the first five. */
  top5: number;
  /** Mean reciprocal rank of the right answer (0 when it is not among the answers). */
  mrr: number;
}

export function rankMetrics(ranks: readonly number[]): RankMetrics {
  const n = ranks.length;
  if (n === 0) return { n: 0, top1: 0, top5: 0, mrr: 0 };
  let top1 = 0;
  let top5 = 0;
  let mrr = 0;
  for (const r of ranks) {
    if (r < 0) continue;
    if (r === 0) top1++;
    if (r < 5) top5++;
    mrr += 1 / (r + 1);
  }
  return { n, top1: top1 / n, top5: top5 / n, mrr: mrr / n };
}
