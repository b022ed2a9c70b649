import { describe, expect, it } from 'vitest';
import { calibrate, decide, DEFAULT_CALIBRATION, type Calibration } from '../../src/train/index.js';
import type { CalibrationPair, CalibrationQuery } from '../../src/train/semantic/index.js';

let entry = 0;
/** A label; its concept's mean vector scores like the label (a concept of one label). */
const label = (key: string, semantic: number, lexical: number) => ({
  entry: entry++,
  key,
  semantic,
  lexical,
  concept: semantic,
});

/** A query whose right concept scores (semantic, lexical) and whose best wrong concept scores the other pair. */
function query(i: number, right: [number, number], wrong: [number, number]): CalibrationQuery {
  const gold = [label(`G${i}`, ...right)];
  return { candidates: [...gold, label(`X${i}`, ...wrong)], gold, goldKey: `G${i}` };
}

describe('calibration', () => {
  // 40 queries the embedding gets right (and TF-IDF alone would get wrong), 10 that both get wrong.
  const queries = [
    ...Array.from({ length: 40 }, (_, i) => query(i, [0.9, 0.4], [0.4, 0.6])),
    ...Array.from({ length: 10 }, (_, i) => query(40 + i, [0.2, 0.2], [0.5, 0.4])),
  ];
  // A reviewer rejected a near-identical string: the lexical score alone must not be trusted here.
  const rejected: CalibrationPair = { labels: [label('Y', 0.7, 1)], correct: false };

  it('weights the score that ranks right and puts the match threshold between right and wrong answers', () => {
    const c = calibrate(queries, [rejected], 'feedback and held-out labels');
    // Any weight above 3/7 ranks the 40 right; ties go to the weight nearest 0.5.
    expect(c.weight).toBe(0.5);
    expect(c.top1).toBeCloseTo(0.8, 10);
    // Right first answers score 0.65, wrong ones 0.45 (and the rejected pair 0.85).
    expect(c.matchThreshold).toBeCloseTo(0.55, 10);
    expect(c.lexicalThreshold).toBeNull();
    expect(c.recall).toBe(1);
    expect(c.precision).toBeCloseTo(40 / 41, 10);
    expect(c.suggestThreshold).toBeCloseTo(0.55, 10);
    expect({ right: c.rightAnswers, wrong: c.wrongAnswers, queries: c.queries }).toEqual({
      right: 40,
      wrong: 11,
      queries: 50,
    });
    expect(decide(c, { score: 0.6, bestLexical: 0.2 })).toBe('match');
    expect(decide(c, { score: 0.5, bestLexical: 0.2 })).toBe('no match');
  });

  it('trusts a lexical near-identity when that is what separates right from wrong', () => {
    // Right answers: identical strings that the embedding scores low; wrong answers score higher on it.
    const exact = Array.from({ length: 30 }, (_, i) => query(i, [0.3, 1], [0.1, 0.2]));
    const fuzzy = Array.from({ length: 30 }, (_, i) => query(30 + i, [0.1, 0.3], [0.9, 0.5]));
    const c = calibrate([...exact, ...fuzzy], [], 'held-out labels');
    expect(c.lexicalThreshold).not.toBeNull();
    expect(c.lexicalThreshold!).toBeGreaterThan(0.5);
    expect(c.precision).toBe(1);
    expect(c.recall).toBe(1);
    expect(decide(c, { score: 0, bestLexical: 1 })).toBe('match');
  });

  it('matches nothing automatically when no threshold reaches the precision floor', () => {
    // Right and wrong first answers score alike: any cut is about half wrong.
    const coin = Array.from({ length: 40 }, (_, i) =>
      i % 2 === 0 ? query(i, [0.8, 0.8], [0.2, 0.2]) : query(i, [0.1, 0.1], [0.8, 0.8]),
    );
    const c = calibrate(coin, [], 'held-out labels');
    expect(c.matchThreshold).toBeGreaterThan(1);
    expect(c.lexicalThreshold).toBeNull();
    expect(c.recall).toBe(0);
    expect(decide(c, { score: 1, bestLexical: 1 })).not.toBe('match');
    // Suggestions still catch 95% of the right answers.
    expect(c.suggestThreshold).toBeLessThanOrEqual(0.8);
  });

  it('falls back to fixed thresholds without any pair', () => {
    const c: Calibration = calibrate([], [], 'feedback');
    expect(c).toEqual(DEFAULT_CALIBRATION);
    expect(decide(c, { score: 0.9, bestLexical: 0 })).toBe('match');
    expect(decide(c, { score: 0.6, bestLexical: 0 })).toBe('suggest');
    expect(decide(c, { score: 0.2, bestLexical: 0.99 })).toBe('match');
    expect(decide(c, { score: 0.2, bestLexical: 0.5 })).toBe('no match');
  });
});
