/** One evaluated case, as a row of the printed table. */
export type EvalRow = Record<string, string | number | boolean | null>;

export interface EvalResult {
  family: string;
  /** Cases evaluated. */
  n: number;
  /** The family's metrics, keys as DESIGN.md names them (`pass_rate`, `f1`, `top1`…), values in [0, 1] or seconds. */
  metrics: Record<string, number>;
  rows: EvalRow[];
}

/**
 * An evaluation: runs one part of Gleaner on a folder laid out like `../shared/fixtures/<family>` and
 * measures it. It measures and never judges: scores are returned whatever they are; it throws only when
 * the folder cannot be read (InvalidInputError naming what is missing).
 */
export interface EvalFamily {
  name: string;
  description: string;
  run(folder: string, options: Record<string, string>): Promise<EvalResult>;
}
