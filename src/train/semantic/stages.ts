import type { ProgressEvent } from '../../core/index.js';

/**
 * The stages of `gleaner train semantic`, in order: read the inputs; split the feedback; hold out labels;
 * train the embedder (the trained one only); embed the labels into the index; calibrate (its pairs are
 * scored by that index, which lacks the held-out labels and the calibration feedback; they join it
 * afterwards); evaluate; write the version; promote it through the gate; tell serving.
 */
export const SEMANTIC_STAGES = [
  'load',
  'feedback',
  'split',
  'train',
  'index',
  'calibrate',
  'evaluate',
  'version',
  'promote',
  'notify',
] as const;

export type SemanticStage = (typeof SEMANTIC_STAGES)[number] | 'smoke-test';

export interface SemanticProgressEvent extends ProgressEvent {
  stage: SemanticStage;
}

export type SemanticProgress = (event: SemanticProgressEvent) => void;

/** Time each stage and report its start and end. */
export class StageClock {
  readonly timingsMs: Record<string, number> = {};
  readonly #report: SemanticProgress;

  constructor(report: SemanticProgress = () => undefined) {
    this.#report = report;
  }

  report(event: SemanticProgressEvent): void {
    this.#report(event);
  }

  async run<T>(stage: SemanticStage, message: string, fn: () => Promise<T>): Promise<T> {
    const started = performance.now();
    this.#report({ stage, done: 0, total: null, message });
    try {
      return await fn();
    } finally {
      const ms = Math.round(performance.now() - started);
      this.timingsMs[stage] = (this.timingsMs[stage] ?? 0) + ms;
    }
  }
}
