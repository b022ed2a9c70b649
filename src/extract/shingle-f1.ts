/**
 * The shingle metric of scrapinghub's article-extraction-benchmark (its `evaluate.py`), by which article
 * extractors are compared (trafilatura 0.958, Readability.js 0.947 on the full benchmark): text is cut into
 * tokens by `\w+` (Python's Unicode `\w`: letters, numbers, underscore; combining marks break a token),
 * tokens into overlapping 4-grams, and the two multisets of 4-grams are matched. Case is kept.
 */

/** Python's Unicode `\w+`: letters (L*), numbers (N*) and `_`; marks (M*) are not word characters there. */
const TOKEN = /[\p{L}\p{N}_]+/gu;
const SHINGLE_SIZE = 4;

/** One page's match, normalized so that tp + fp + fn = 1 (long texts weigh no more than short ones). */
export interface ShingleMatch {
  tp: number;
  fp: number;
  fn: number;
}

export interface PageScore extends ShingleMatch {
  /** `null` when nothing was predicted and nothing expected (left out of the mean, as the benchmark does). */
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface ShingleScores {
  /** Pages scored. */
  n: number;
  /** Mean of the per-page precisions, over pages where something was predicted or matched. */
  precision: number;
  /** Mean of the per-page recalls, over pages where something was expected. */
  recall: number;
  /** The harmonic mean of `precision` and `recall`: the benchmark's published F1. */
  f1: number;
  /** The mean of the per-page F1s (pages with neither text expected nor predicted left out): stricter. */
  meanPageF1: number;
}

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** The 4-gram multiset of a text; a text of one to three tokens is one shingle of them all. */
export function shingles(text: string, size = SHINGLE_SIZE): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - size + 1);
  for (let i = 0; i < last && i < tokens.length; i += 1) {
    // Tokens hold no spaces, so a space-joined key is unambiguous.
    const key = tokens.slice(i, i + size).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function matchShingles(expected: string, predicted: string): ShingleMatch {
  const truth = shingles(expected);
  const guess = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, count] of guess) {
    const trueCount = truth.get(key) ?? 0;
    tp += Math.min(trueCount, count);
    fp += Math.max(0, count - trueCount);
  }
  for (const [key, count] of truth) fn += Math.max(0, count - (guess.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

/** One page: precision, recall and F1 of the predicted text against the expected one. */
export function scorePage(expected: string, predicted: string): PageScore {
  const match = matchShingles(expected, predicted);
  const { tp, fp, fn } = match;
  const precision = tp + fp > 0 ? precisionOf(match) : null;
  const recall = tp + fn > 0 ? recallOf(match) : null;
  const f1 =
    precision === null && recall === null
      ? null
      : harmonicMean(precision ?? (fp === 0 ? 1 : 0), recall ?? (fn === 0 ? 1 : 0));
  return { ...match, precision, recall, f1 };
}

/** The benchmark's aggregate over pages (each page weighs the same, whatever its length). */
export function aggregateScores(pages: readonly PageScore[]): ShingleScores {
  const precision = mean(pages.map((page) => page.precision));
  const recall = mean(pages.map((page) => page.recall));
  return {
    n: pages.length,
    precision,
    recall,
    f1: harmonicMean(precision, recall),
    meanPageF1: mean(pages.map((page) => page.f1)),
  };
}

// evaluate.py's precision_score and recall_score, edge cases included.
function precisionOf({ tp, fp, fn }: ShingleMatch): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recallOf({ tp, fp, fn }: ShingleMatch): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

function harmonicMean(a: number, b: number): number {
  return a + b > 0 ? (2 * a * b) / (a + b) : 0;
}

function mean(values: readonly (number | null)[]): number {
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (value === null) continue;
    sum += value;
    count += 1;
  }
  return count > 0 ? sum / count : 0;
}
