import { join, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { FatalError } from '../../core/index.js';
import { migrate, openDatabase, type Database } from '../../store/index.js';
import type { SemanticTrainingResult } from '../../train/index.js';
import { ModelStore } from '../../train/model-store/index.js';
import { SEMANTIC_INDEX_KIND, SEMANTIC_MODES, type SemanticMode } from '../../train/semantic/names.js';
import { createContext, type GlobalOptions } from '../context.js';
import { onShutdown, parseIntOption } from '../options.js';
import { stageProgress } from '../stage-progress.js';

interface SemanticOptions {
  mode: SemanticMode;
  canonical: string;
  feedback?: string;
  queries?: string;
  embedder?: string;
  model?: string;
  name: string;
  index: 'flat' | 'hnsw';
  dimensions?: number;
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  temperature?: number;
  minAccuracy?: number;
  promote: boolean;
  out?: string;
  seed?: number;
}

/** `gleaner train <kind>`: a group, so that other kinds of training (`gleaner train topic …`) join it. */
export function registerTrain(program: Command): void {
  const train = program.command('train').description('train a model and version it in the model store');
  train
    .command('semantic')
    .description(
      'build the semantic index of a canonical vocabulary (+ feedback): embed, calibrate, evaluate, version, promote',
    )
    .requiredOption('--mode <mode>', `${SEMANTIC_MODES.join(' | ')}`, choice('--mode', SEMANTIC_MODES))
    .requiredOption('--canonical <file>', 'the vocabulary: JSON {key: [labels…]} or {key: {labels: [...]}}')
    .option('--feedback <file>', 'reviewed matches: CSV query_key, matched_key, correct (yes/no)')
    .option(
      '--queries <file>',
      'measure on these instead of held-out feedback: JSON Lines {"query", "gold": [keys]}',
    )
    .option(
      '--embedder <name>',
      'hashed (built in, no training) | trained (learnt on the vocabulary; default of full-train) | transformers (--model)',
    )
    .option(
      '--model <folder|name>',
      'the transformers embedder: a local ONNX model folder (or a name, when downloads are allowed)',
    )
    .option('--name <name>', 'the index name in the model store (one vocabulary, one name)', 'default')
    .option(
      '--index <kind>',
      'flat (exact) | hnsw (approximate, for very large vocabularies)',
      choice('--index', ['flat', 'hnsw'] as const),
      'flat',
    )
    .option(
      '--dimensions <n>',
      'hashed: columns (default 256); trained: vector size (default 128)',
      parseIntOption('--dimensions'),
    )
    .option('--epochs <n>', 'trained: passes over the vocabulary (default 4)', parseIntOption('--epochs'))
    .option('--batch-size <n>', 'trained: pairs per step (default 512)', parseIntOption('--batch-size'))
    .option('--learning-rate <x>', 'trained: Adam step size (default 0.01)', parseNumber('--learning-rate'))
    .option('--temperature <x>', 'trained: InfoNCE temperature (default 0.05)', parseNumber('--temperature'))
    .option(
      '--min-accuracy <x>',
      'promotion floor on held-out top-1 (env GLEANER_MIN_ACCURACY, default 0.8)',
      parseNumber('--min-accuracy'),
    )
    .option('--promote', 'build-index modes: promote through the same gate as full-train', false)
    .option(
      '--out <dir>',
      'smoke-test: where metrics.json goes (default <data-dir>/runs/semantic-index/<name>/<time>-smoke-test)',
    )
    .option('--seed <n>', 'seeds the splits and the training (default 1)', parseIntOption('--seed'))
    .action(async (options: SemanticOptions, command: Command) => {
      const ctx = createContext(command.optsWithGlobals<GlobalOptions>(), {
        ...(options.minAccuracy === undefined ? {} : { minAccuracy: options.minAccuracy }),
      });
      // The training code (TF.js, the embedders) loads with this command only, not with every CLI start.
      const { parseEmbedderName, runSemanticTraining } = await import('../../train/index.js');
      const embedder = options.embedder === undefined ? undefined : parseEmbedderName(options.embedder);
      const progress = stageProgress({ json: ctx.json });
      const stop = new AbortController();
      const removeHandler = onShutdown(() => stop.abort());
      let db: Database | undefined;
      try {
        // Distributed mode: the `models` table mirrors the store; embedded mode syncs it when the server starts.
        if (ctx.config.databaseUrl) {
          db = await openDatabase({ databaseUrl: ctx.config.databaseUrl, pgliteDir: '', logger: ctx.logger });
          await migrate(db);
        }
        const store = ModelStore.fromConfig(ctx.config, { logger: ctx.logger, ...(db ? { db } : {}) });
        const training = {
          ...(options.epochs === undefined ? {} : { epochs: options.epochs }),
          ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
          ...(options.learningRate === undefined ? {} : { learningRate: options.learningRate }),
          ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
        };
        const result = await runSemanticTraining({
          mode: options.mode,
          files: { canonical: options.canonical, feedback: options.feedback, queries: options.queries },
          store,
          name: options.name,
          minAccuracy: ctx.config.minAccuracy,
          promote: options.promote,
          outDir: resolve(
            options.out ??
              join(
                ctx.config.dataDir,
                'runs',
                SEMANTIC_INDEX_KIND,
                options.name,
                `${timestamp()}-smoke-test`,
              ),
          ),
          index: options.index,
          seed: options.seed ?? 1,
          allowRemoteModels: ctx.config.allowRemoteModels,
          signal: stop.signal,
          onProgress: (event) => progress.report(event),
          ...(embedder === undefined ? {} : { embedder }),
          ...(options.model === undefined ? {} : { model: options.model }),
          ...(options.dimensions === undefined ? {} : { dimensions: options.dimensions }),
          ...(Object.keys(training).length === 0 ? {} : { training }),
        });
        progress.stop();
        for (const line of summary(result)) ctx.say(line);
        ctx.result(result);
      } catch (error) {
        progress.stop();
        if (stop.signal.aborted) throw new FatalError('interrupted: nothing was versioned', { cause: error });
        throw error;
      } finally {
        removeHandler();
        await db?.close();
      }
    });
}

function summary(result: SemanticTrainingResult): string[] {
  const lines: string[] = [];
  if (result.version)
    lines.push(`${SEMANTIC_INDEX_KIND}/${result.name} ${result.version} (${result.versionDir})`);
  const width = Math.max(...Object.keys(result.metrics).map((k) => k.length));
  for (const [key, value] of Object.entries(result.metrics))
    lines.push(`  ${key.padEnd(width)}  ${Number.isInteger(value) ? value : value.toFixed(4)}`);
  if (result.build) {
    const { evaluation: e, calibration: c } = result.build;
    lines.push(
      `evaluated on ${e.n} ${e.source}: top-1 ${e.top1.toFixed(4)}, top-5 ${e.top5.toFixed(4)}, MRR ${e.mrr.toFixed(4)}`,
    );
    lines.push(
      `calibration (${c.source}): weight ${c.weight} on the embedding score, match ≥ ${c.matchThreshold.toFixed(3)}` +
        `${c.lexicalThreshold === null ? '' : ` or lexical ≥ ${c.lexicalThreshold.toFixed(3)}`}, suggest ≥ ${c.suggestThreshold.toFixed(3)}`,
    );
  }
  if (result.promotion)
    lines.push(`${result.promotion.promoted ? 'promoted' : 'not promoted'}: ${result.promotion.reason}`);
  else if (result.version)
    lines.push(
      `not promoted (build modes promote only with --promote): gleaner models promote ${SEMANTIC_INDEX_KIND} ${result.name} ${result.version}`,
    );
  if (result.issues.length > 0) {
    lines.push(`${result.issues.length} input line(s) skipped:`);
    for (const issue of result.issues.slice(0, 20))
      lines.push(`  ${issue.file} line ${issue.line}: ${issue.message}`);
    if (result.issues.length > 20)
      lines.push(`  … and ${result.issues.length - 20} more (report.json has them all)`);
  }
  lines.push(`metrics: ${result.metricsFile}`);
  return lines;
}

function choice<T extends string>(flag: string, values: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(values as readonly string[]).includes(value))
      throw new InvalidArgumentError(`${flag} is one of ${values.join(', ')}, got "${value}"`);
    return value as T;
  };
}

function parseNumber(flag: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n))
      throw new InvalidArgumentError(`${flag} takes a number, got "${value}"`);
    return n;
  };
}

function timestamp(): string {
  return new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}
