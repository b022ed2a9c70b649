import { InvalidArgumentError, type Command } from 'commander';
import { InvalidInputError, SkipError } from '../../core/index.js';
import { migrate, openDatabase, type Database } from '../../store/index.js';
import {
  MODEL_KINDS,
  ModelStore,
  type Gate,
  type ModelKind,
  type ModelVersion,
} from '../../train/model-store/index.js';
import { createContext, type CliContext, type GlobalOptions } from '../context.js';

/**
 * The model store works on its folder, without the database: these commands run beside a `gleaner
 * serve` that holds the embedded database. With DATABASE_URL (distributed mode) they also update the
 * `models` table; in embedded mode the server mirrors the folder on start and on reload.
 */
async function withModelStore(command: Command, fn: (store: ModelStore, ctx: CliContext) => Promise<void>) {
  const ctx = createContext(command.optsWithGlobals<GlobalOptions>());
  let db: Database | undefined;
  if (ctx.config.databaseUrl) {
    db = await openDatabase({ databaseUrl: ctx.config.databaseUrl, pgliteDir: '', logger: ctx.logger });
    await migrate(db);
  }
  try {
    await fn(ModelStore.fromConfig(ctx.config, { logger: ctx.logger, ...(db ? { db } : {}) }), ctx);
  } finally {
    await db?.close();
  }
}

function kindArgument(value: string): ModelKind {
  if (!(MODEL_KINDS as readonly string[]).includes(value))
    throw new InvalidArgumentError(`"${value}" is not a model kind; the kinds are ${MODEL_KINDS.join(', ')}`);
  return value as ModelKind;
}

function numberOption(flag: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n))
      throw new InvalidArgumentError(`${flag} takes a number, got "${value}"`);
    return n;
  };
}

function formatVersion(v: ModelVersion): string {
  const metrics = Object.entries(v.metrics)
    .map(([key, value]) => `${key}=${Number.isInteger(value) ? value : value.toFixed(4)}`)
    .join(' ');
  const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace('T', ' ') : '-');
  return `${v.kind.padEnd(16)} ${v.name.padEnd(20)} ${v.version.padEnd(20)} ${(v.isLatest ? 'latest' : '').padEnd(6)}  ${metrics || '-'}  created ${when(v.createdAt)}  promoted ${when(v.promotedAt)}`;
}

export function registerModels(program: Command): void {
  const models = program.command('models').description('list, promote and roll back trained model versions');
  models
    .command('list', { isDefault: true })
    .description('versions, newest first, with their metrics and which one serves (latest)')
    .argument('[kind]', `one of ${MODEL_KINDS.join(', ')}`, kindArgument)
    .argument('[name]', 'a model name (the topic or vocabulary it was trained for)')
    .action(
      async (kind: ModelKind | undefined, name: string | undefined, _options: unknown, command: Command) =>
        withModelStore(command, async (store, ctx) => {
          const items = await store.list({ kind, name });
          for (const v of items) ctx.say(formatVersion(v));
          if (items.length === 0) ctx.say(`no model versions in ${store.root} yet`);
          ctx.result({ items });
        }),
    );
  models
    .command('promote')
    .description('make a version the latest; with --metric, only when it passes the gate')
    .argument('<kind>', `one of ${MODEL_KINDS.join(', ')}`, kindArgument)
    .argument('<name>', 'the model name')
    .argument('<version>', 'the version folder, e.g. v20261122-040506')
    .option('--metric <name>', 'the metrics.json entry the gate compares')
    .option('--min <value>', 'refuse a version whose metric is below this floor', numberOption('--min'))
    .option('--must-beat-latest', 'refuse a version whose metric is worse than the latest one')
    .option('--lower-is-better', 'the metric is a loss or an error rate')
    .action(
      async (
        kind: ModelKind,
        name: string,
        version: string,
        options: { metric?: string; min?: number; mustBeatLatest?: boolean; lowerIsBetter?: boolean },
        command: Command,
      ) =>
        withModelStore(command, async (store, ctx) => {
          const gate = gateOf(options);
          const result = await store.promote({ kind, name, version }, gate);
          ctx.result(result);
          if (!result.promoted) {
            const serving = result.previous ? `; ${result.previous.version} stays latest` : '';
            throw new SkipError(`${version} not promoted: ${result.reason}${serving}`, { code: result.code });
          }
          ctx.say(`${kind}/${name}: ${version} is now latest (${result.reason})`);
          if (result.notification && !result.notification.ok)
            ctx.say(
              `  reload notification to ${result.notification.url} failed: ${result.notification.error ?? ''}`,
            );
        }),
    );
  models
    .command('rollback')
    .description('point latest back to the version promoted before the current one')
    .argument('<kind>', `one of ${MODEL_KINDS.join(', ')}`, kindArgument)
    .argument('<name>', 'the model name')
    .action(async (kind: ModelKind, name: string, _options: unknown, command: Command) =>
      withModelStore(command, async (store, ctx) => {
        const result = await store.rollback(kind, name);
        ctx.say(
          `${kind}/${name}: latest is ${result.version.version} again (was ${result.previous.version})`,
        );
        ctx.result(result);
      }),
    );
}

function gateOf(options: {
  metric?: string;
  min?: number;
  mustBeatLatest?: boolean;
  lowerIsBetter?: boolean;
}): Gate | undefined {
  if (options.metric === undefined) {
    if (options.min !== undefined || options.mustBeatLatest || options.lowerIsBetter)
      throw new InvalidInputError(
        '--metric',
        '--min, --must-beat-latest and --lower-is-better need --metric <name>',
      );
    return undefined;
  }
  return {
    metric: options.metric,
    ...(options.min === undefined ? {} : { min: options.min }),
    ...(options.mustBeatLatest ? { mustBeat: 'latest' as const } : {}),
    ...(options.lowerIsBetter ? { higherIsBetter: false } : {}),
  };
}
