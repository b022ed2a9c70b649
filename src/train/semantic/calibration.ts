import {
  conceptScores,
  goldRank,
  rankMetrics,
  type ConceptScore,
  type LabelScore,
  type Weighting,
} from './ranking.js';

export type Decision = 'match' | 'suggest' | 'no match';

/**
 * How to score and when to trust an answer, chosen on held-out pairs and saved with the version. A label
 * scores `weight × semantic + (1 − weight) × lexical`; a concept scores `(1 − conceptWeight) × its best
 * label + conceptWeight × the cosine of its mean vector`. Serving answers
 * - `match` when the score reaches `matchThreshold`, or a label's lexical (TF-IDF) cosine alone reaches
 *   `lexicalThreshold` (a near-identical string is trusted whatever the embedder thinks);
 * - `suggest` when the score reaches `suggestThreshold` (show it to a person);
 * - `no match` below.
 */
export interface Calibration extends Weighting {
  matchThreshold: number;
  /** null: the lexical rule is off (it did not help on the calibration pairs). */
  lexicalThreshold: number | null;
  suggestThreshold: number;
  /** Where the pairs came from. */
  source: 'feedback' | 'held-out labels' | 'feedback and held-out labels' | 'default';
  /** The objective, in words. */
  objective: string;
  /** On the calibration pairs, at the chosen thresholds. */
  precision: number;
  recall: number;
  f1: number;
  /** Ranking of the calibration queries at the chosen weighting. */
  top1: number;
  mrr: number;
  queries: number;
  rightAnswers: number;
  wrongAnswers: number;
  /** Top-1 and MRR of the calibration queries at each weighting tried. */
  weights: (Weighting & { top1: number; mrr: number })[];
}

/** A held-out query whose right concept is known: the index's candidates and the right concept's labels. */
export interface CalibrationQuery {
  candidates: readonly LabelScore[];
  /** Every label of the right concept, scored (it may be missing from the candidates). */
  gold: readonly LabelScore[];
  goldKey: string;
}

/** A reviewed (query, concept) pair: the concept's labels scored against the query, and the verdict. */
export interface CalibrationPair {
  labels: readonly LabelScore[];
  correct: boolean;
}

/** The least share of right answers among the "match" decisions on the calibration queries. */
export const DEFAULT_PRECISION_FLOOR = 0.9;

export const CALIBRATION_OBJECTIVE =
  'weight and concept weight: the highest top-1 accuracy plus MRR on the calibration queries (ties: the weight ' +
  'nearer 0.5, then the lower concept weight); ' +
  'match and lexical thresholds: the most right first answers accepted as "match" (recall) while at least ' +
  `${DEFAULT_PRECISION_FLOOR * 100}% of the accepted ones are right (precision floor; rejected feedback pairs count as wrong ` +
  'answers); without a setting that reaches the floor, no automatic match; suggest: 95% of the right first answers reach it';

/** Used when there is nothing to calibrate on (a vocabulary of one-label concepts and no feedback). */
export const DEFAULT_CALIBRATION: Calibration = Object.freeze({
  weight: 0.5,
  conceptWeight: 0,
  matchThreshold: 0.85,
  lexicalThreshold: 0.98,
  suggestThreshold: 0.5,
  source: 'default',
  objective: 'none: no calibration pairs; fixed thresholds',
  precision: 0,
  recall: 0,
  f1: 0,
  top1: 0,
  mrr: 0,
  queries: 0,
  rightAnswers: 0,
  wrongAnswers: 0,
  weights: [],
});

const WEIGHTS = Array.from({ length: 21 }, (_, i) => i / 20);
const CONCEPT_WEIGHTS = [0, 0.25, 0.5, 0.75];
/** Share of the right pairs that must reach the suggest threshold. */
const SUGGEST_RECALL = 0.95;
const LEXICAL_CANDIDATES = 32;

export function decide(
  calibration: Calibration,
  concept: Pick<ConceptScore, 'score' | 'bestLexical'>,
): Decision {
  if (
    concept.score >= calibration.matchThreshold ||
    (calibration.lexicalThreshold !== null && concept.bestLexical >= calibration.lexicalThreshold)
  )
    return 'match';
  return concept.score >= calibration.suggestThreshold ? 'suggest' : 'no match';
}

/** A decision to judge: the score of an answer and whether that answer is right. */
interface ScoredAnswer {
  score: number;
  lexical: number;
  correct: boolean;
}

/** Choose the weight and the thresholds (see {@link CALIBRATION_OBJECTIVE}). */
export function calibrate(
  queries: readonly CalibrationQuery[],
  pairs: readonly CalibrationPair[],
  source: Exclude<Calibration['source'], 'default'>,
  precisionFloor = DEFAULT_PRECISION_FLOOR,
): Calibration {
  if (queries.length === 0 && pairs.length === 0) return DEFAULT_CALIBRATION;
  const curve = CONCEPT_WEIGHTS.flatMap((conceptWeight) =>
    WEIGHTS.map((weight) => {
      const weighting = { weight, conceptWeight };
      const ranks = queries.map((q) => goldRank(rank(q, weighting), new Set([q.goldKey])));
      const { top1, mrr } = rankMetrics(ranks);
      return { weight, conceptWeight, top1, mrr };
    }),
  );
  // top-1 and MRR together: MRR moves less by chance on a few hundred queries than top-1 alone.
  let best = { weight: 0.5, conceptWeight: 0, top1: -1, mrr: -1 };
  const preference = (a: Weighting, b: Weighting) =>
    Math.abs(a.weight - 0.5) - Math.abs(b.weight - 0.5) ||
    a.weight - b.weight ||
    a.conceptWeight - b.conceptWeight;
  for (const point of [...curve].sort(preference))
    if (point.top1 + point.mrr > best.top1 + best.mrr + 1e-12) best = point;
  const weighting: Weighting = { weight: best.weight, conceptWeight: best.conceptWeight };
  const answers = scoreAnswers(queries, pairs, weighting);
  const chosen = thresholds(answers, precisionFloor);
  const right = answers
    .filter((a) => a.correct)
    .map((a) => a.score)
    .sort((a, b) => a - b);
  const suggestThreshold =
    right.length === 0
      ? Math.min(chosen.matchThreshold, DEFAULT_CALIBRATION.suggestThreshold)
      : Math.min(chosen.matchThreshold, right[Math.floor((1 - SUGGEST_RECALL) * right.length)]!);
  return {
    ...weighting,
    matchThreshold: chosen.matchThreshold,
    lexicalThreshold: chosen.lexicalThreshold,
    suggestThreshold,
    source,
    objective: CALIBRATION_OBJECTIVE,
    precision: chosen.precision,
    recall: chosen.recall,
    f1: chosen.f1,
    top1: Math.max(0, best.top1),
    mrr: Math.max(0, best.mrr),
    queries: queries.length,
    rightAnswers: answers.filter((a) => a.correct).length,
    wrongAnswers: answers.filter((a) => !a.correct).length,
    weights: curve,
  };
}

function rank(query: CalibrationQuery, weighting: Weighting): ConceptScore[] {
  return conceptScores([...query.candidates, ...query.gold], weighting);
}

/**
 * The decisions serving would take: each calibration query's first answer (right or wrong), and each
 * rejected feedback pair as an answer known to be wrong.
 */
function scoreAnswers(
  queries: readonly CalibrationQuery[],
  pairs: readonly CalibrationPair[],
  weighting: Weighting,
): ScoredAnswer[] {
  const out: ScoredAnswer[] = [];
  for (const q of queries) {
    const first = rank(q, weighting)[0];
    if (first) out.push({ score: first.score, lexical: first.bestLexical, correct: first.key === q.goldKey });
  }
  for (const p of pairs) {
    const concept = conceptScores(p.labels, weighting)[0];
    if (concept) out.push({ score: concept.score, lexical: concept.bestLexical, correct: p.correct });
  }
  return out;
}

interface Thresholds {
  matchThreshold: number;
  lexicalThreshold: number | null;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * The match and lexical thresholds that accept the most right answers at a precision of at least the
 * floor (ties: the higher precision). When no setting reaches the floor, nothing is matched automatically.
 */
function thresholds(answers: readonly ScoredAnswer[], floor: number): Thresholds {
  const right = answers.filter((a) => a.correct).length;
  const top = answers.reduce((m, a) => Math.max(m, a.score), 0);
  const none: Thresholds = {
    matchThreshold: Math.max(1, top) + 1e-6,
    lexicalThreshold: null,
    precision: 0,
    recall: 0,
    f1: 0,
  };
  const lexicalValues = [...new Set(answers.filter((a) => a.lexical >= 0.5).map((a) => a.lexical))].sort(
    (a, b) => b - a,
  );
  const step = Math.max(1, Math.ceil(lexicalValues.length / LEXICAL_CANDIDATES));
  const lexicalCandidates: (number | null)[] = [null, ...lexicalValues.filter((_, i) => i % step === 0)];
  let best: Thresholds | null = null;
  for (const lexicalThreshold of lexicalCandidates) {
    let tp = 0;
    let fp = 0;
    const rest: ScoredAnswer[] = [];
    for (const a of answers) {
      if (lexicalThreshold !== null && a.lexical >= lexicalThreshold) {
        if (a.correct) tp++;
        else fp++;
      } else rest.push(a);
    }
    rest.sort((a, b) => b.score - a.score);
    const consider = (matchThreshold: number) => {
      if (tp + fp === 0) return;
      const precision = tp / (tp + fp);
      if (precision < floor) return;
      const recall = right === 0 ? 0 : tp / right;
      if (
        best === null ||
        recall > best.recall + 1e-12 ||
        (Math.abs(recall - best.recall) <= 1e-12 && precision > best.precision + 1e-12)
      )
        best = {
          matchThreshold,
          lexicalThreshold,
          precision,
          recall,
          f1: (2 * precision * recall) / (precision + recall || 1),
        };
    };
    consider(Math.max(1, top) + 1e-6);
    for (let i = 0; i < rest.length; i++) {
      if (rest[i]!.correct) tp++;
      else fp++;
      // Cut between this score and the next lower one, so that ties fall on one side together.
      const next = rest[i + 1];
      if (next && next.score === rest[i]!.score) continue;
      consider(next ? (rest[i]!.score + next.score) / 2 : rest[i]!.score);
    }
  }
  return best ?? none;
}
