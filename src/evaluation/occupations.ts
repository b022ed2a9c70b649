import { InvalidInputError } from '../core/index.js';
import {
  buildSemanticIndex,
  loadSemanticInputs,
  parseEmbedderName,
  type SemanticBuildOptions,
} from '../train/index.js';
import type { EvalFamily, EvalRow } from './family.js';
import { requireFile } from './folder.js';

/**
 * Options (`--option key=value`, or `--embedder NAME`): `embedder` (hashed | trained | transformers;
 * default hashed), `model` (the transformer's folder), `dimensions`, `epochs` (trained), `index`
 * (flat | hnsw), `seed`.
 */
export const occupationsEvaluation: EvalFamily = {
  name: 'occupations',
  description:
    'the semantic index service: index canonical.json (training the embedder for --embedder trained) and answer queries.jsonl; queries never reach the index or the training',
  async run(folder, options) {
    const inputs = await loadSemanticInputs({
      canonical: requireFile(folder, 'canonical.json', 'occupations'),
      queries: requireFile(folder, 'queries.jsonl', 'occupations'),
    });
    const build = await buildSemanticIndex(inputs, buildOptions(options));
    try {
      const rows: EvalRow[] = build.answers
        .filter((a) => a.rank !== 0)
        .map((a) => ({
          query: a.query,
          gold: a.gold.join(' '),
          top: a.top,
          rank: a.rank < 0 ? null : a.rank + 1,
        }));
      return {
        family: 'occupations',
        n: build.evaluation.n,
        metrics: {
          top1: build.evaluation.top1,
          top5: build.evaluation.top5,
          mrr: build.evaluation.mrr,
          train_seconds: build.metrics.train_seconds!,
        },
        rows,
      };
    } finally {
      await build.index.close();
    }
  },
};

function buildOptions(options: Record<string, string>): SemanticBuildOptions {
  const known = new Set(['embedder', 'model', 'dimensions', 'epochs', 'index', 'seed']);
  for (const key of Object.keys(options))
    if (!known.has(key))
      throw new InvalidInputError(
        'option',
        `occupations takes no option "${key}"; it takes ${[...known].join(', ')}`,
      );
  const whole = (key: string): number | undefined => {
    if (options[key] === undefined) return undefined;
    const n = Number(options[key]);
    if (!Number.isInteger(n) || n < 1)
      throw new InvalidInputError(key, `${key} takes a whole number ≥ 1, got "${options[key]}"`);
    return n;
  };
  const index = options.index;
  if (index !== undefined && index !== 'flat' && index !== 'hnsw')
    throw new InvalidInputError('index', `index is flat or hnsw, got "${index}"`);
  const dimensions = whole('dimensions');
  const epochs = whole('epochs');
  const seed = whole('seed');
  return {
    embedder: parseEmbedderName(options.embedder ?? 'hashed'),
    ...(options.model === undefined ? {} : { model: options.model }),
    ...(dimensions === undefined ? {} : { dimensions }),
    ...(epochs === undefined ? {} : { training: { epochs } }),
    ...(index === undefined ? {} : { index }),
    ...(seed === undefined ? {} : { seed }),
  };
}
