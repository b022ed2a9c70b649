import type { Command } from 'commander';
import { InvalidInputError } from '../../core/index.js';
import { resolveTopicRules, topicRulesFromConfig, validateTopicRulesPatch } from '../../datasets/index.js';
import {
  getTopicSettings,
  getTrainingRecord,
  listTopics,
  listTrainingRecords,
  trainingRecordCounts,
  updateTopicSettings,
  type TrainingRecordRow,
} from '../../store/index.js';
import { formatModelTargets } from '../topic-training.js';
import { parseId, withGleaner } from '../with-gleaner.js';

interface RecordsOptions {
  topic?: string;
  job?: string;
  needsTrainingData?: boolean;
  complete?: boolean;
  minQuality?: string;
  predicted?: boolean;
  limit: string;
  offset: string;
}

function wholeNumber(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InvalidInputError(flag, `${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

/** One line per record: id, quality, flag, name, price, what is missing. */
function recordLine(r: TrainingRecordRow): string {
  const a = r.attributes as Record<string, { value?: unknown; predicted?: boolean } | undefined>;
  const show = (key: string) => {
    const v = a[key]?.value;
    const text = Array.isArray(v) ? v.join(' > ') : v === undefined || v === null ? '-' : String(v);
    return a[key]?.predicted ? `${text}*` : text;
  };
  const flag = r.needsTrainingData ? 'NEEDS' : 'ok   ';
  const missing = r.missingFields.length ? `  missing: ${r.missingFields.join(', ')}` : '';
  return `${String(r.id).padStart(6)}  ${String(r.quality).padStart(3)}  ${flag}  ${show('name').slice(0, 50)}  ${show('price')} ${show('currency')}  ${show('brand')}${missing}`;
}

export function registerRecords(program: Command): void {
  program
    .command('records')
    .description(
      'training records (product attributes, quality, needs_training_data); * marks predicted values',
    )
    .option('--topic <topic>', 'only this topic')
    .option('--job <id>', 'only records of this mining job')
    .option('--needs-training-data', 'only records that need training data')
    .option('--complete', 'only records that do not')
    .option('--min-quality <0-100>', 'only records of at least this quality')
    .option('--predicted', 'only records with values filled by the topic model')
    .option('--limit <n>', 'how many', '50')
    .option('--offset <n>', 'skip this many', '0')
    .action(async (options: RecordsOptions, command: Command) =>
      withGleaner(command, async (gleaner, ctx) => {
        if (options.needsTrainingData && options.complete)
          throw new InvalidInputError(
            '--complete',
            '--needs-training-data and --complete exclude each other',
          );
        const items = await listTrainingRecords(gleaner.db, {
          topic: options.topic,
          jobId: options.job === undefined ? undefined : parseId(options.job, 'job'),
          needsTrainingData: options.needsTrainingData ? true : options.complete ? false : undefined,
          minQuality: wholeNumber(options.minQuality, '--min-quality', 0, 100),
          predicted: options.predicted ? true : undefined,
          limit: wholeNumber(options.limit, '--limit', 1, 10_000)!,
          offset: wholeNumber(options.offset, '--offset', 0, Number.MAX_SAFE_INTEGER)!,
        });
        for (const r of items) ctx.say(recordLine(r));
        if (items.length === 0)
          ctx.say('no records match: mine product pages with `gleaner mine <url> --topic T`');
        ctx.result({ items });
      }),
    );
  program
    .command('record')
    .argument('<id>')
    .description('one training record with every attribute, its confidence and source')
    .action(async (id: string, _options: unknown, command: Command) =>
      withGleaner(command, async (gleaner, ctx) => {
        const record = await getTrainingRecord(gleaner.db, parseId(id, 'record'));
        if (!record)
          throw new InvalidInputError(
            'id',
            `record ${id} does not exist; list them with \`gleaner records\``,
          );
        ctx.say(`record ${record.id}  ${record.topic}  ${record.url}`);
        ctx.say(
          `quality ${record.quality}  ${record.needsTrainingData ? 'needs training data' : 'complete'}  missing: ${record.missingFields.join(', ') || '-'}`,
        );
        for (const [name, attr] of Object.entries(
          record.attributes as Record<string, Record<string, unknown>>,
        ))
          ctx.say(
            `  ${name.padEnd(13)} ${JSON.stringify(attr.value).slice(0, 80)}  (${String(attr.confidence)}, ${String(attr.source)}${attr.predicted ? ', predicted' : ''})`,
          );
        ctx.result(record);
      }),
    );

  program
    .command('similar')
    .argument('<record>', 'a record id (see `gleaner records`)')
    .description('the products nearest to a record: name, brand, category and description embeddings, cosine')
    .option('-k <n>', 'how many', '10')
    .option('--any-topic', "search every topic, not only the record's")
    .action(async (id: string, options: { k: string; anyTopic?: boolean }, command: Command) =>
      withGleaner(command, async (gleaner, ctx) => {
        const items = await gleaner.topicModels.similar(parseId(id, 'record'), {
          k: wholeNumber(options.k, '-k', 1, 100)!,
          anyTopic: options.anyTopic ?? false,
        });
        for (const r of items) {
          const name = (r.attributes as Record<string, { value?: unknown }>).name?.value;
          ctx.say(
            `${r.similarity.toFixed(3)}  ${String(r.id).padStart(6)}  ${String(name ?? '-').slice(0, 60)}  ${r.url}`,
          );
        }
        ctx.result({ items });
      }),
    );

  const topics = program.command('topics').description("topics: their records, rules and the model's state");
  topics.command('list', { isDefault: true }).action(async (_options: unknown, command: Command) =>
    withGleaner(command, async (gleaner, ctx) => {
      const items = await listTopics(gleaner.db);
      for (const t of items)
        ctx.say(`${t.topic}  ${t.records} records, ${t.needsTrainingData} need training data`);
      if (items.length === 0) ctx.say('no topics yet: mine with `gleaner mine <url> --topic T`');
      ctx.result({ items });
    }),
  );
  topics
    .command('show')
    .argument('<topic>')
    .action(async (topic: string, _options: unknown, command: Command) =>
      withGleaner(command, async (gleaner, ctx) => {
        const [settings, counts, model] = await Promise.all([
          getTopicSettings(gleaner.db, topic),
          trainingRecordCounts(gleaner.db, { topic }),
          gleaner.topicModels.describe(topic),
        ]);
        const rules = resolveTopicRules(settings, topicRulesFromConfig(gleaner.config));
        ctx.say(
          `${topic}: ${counts.records} records, ${counts.needsTrainingData} need training data, mean quality ${counts.meanQuality ?? '-'}`,
        );
        ctx.say(
          `required: ${rules.requiredFields.join(', ')}; confidence bar ${rules.minConfidence}; model floor ${rules.modelFloor}; auto-train ${rules.autoTrain}`,
        );
        if (model) for (const line of formatModelTargets(model)) ctx.say(line);
        else ctx.say('no promoted model yet: gleaner topics train ' + topic);
        ctx.result({ topic, rules, records: counts, model });
      }),
    );
  topics
    .command('set')
    .argument('<topic>')
    .description("set a topic's rules (`default` puts one back to the configured default)")
    .option('--required <fields>', 'comma-separated attributes every record needs, e.g. name,price,brand')
    .option('--min-confidence <0-1>', 'a required value below this counts as doubtful')
    .option('--model-floor <0-1>', 'the held-out score a new model must reach to be promoted')
    .option('--auto-train <on|off>', 'train when a mining job leaves records needing training data')
    .action(
      async (
        topic: string,
        options: { required?: string; minConfidence?: string; modelFloor?: string; autoTrain?: string },
        command: Command,
      ) =>
        withGleaner(command, async (gleaner, ctx) => {
          const unit = (value: string | undefined, flag: string) => {
            if (value === undefined) return undefined;
            if (value === 'default') return null;
            const n = Number(value);
            if (!(n >= 0 && n <= 1))
              throw new InvalidInputError(
                flag,
                `${flag} must be a number from 0 to 1 or "default", got "${value}"`,
              );
            return n;
          };
          const autoTrain = options.autoTrain;
          if (autoTrain !== undefined && !['on', 'off', 'default'].includes(autoTrain))
            throw new InvalidInputError(
              '--auto-train',
              `--auto-train takes on, off or default, got "${autoTrain}"`,
            );
          const patch = validateTopicRulesPatch({
            requiredFields:
              options.required === undefined
                ? undefined
                : options.required === 'default'
                  ? null
                  : options.required
                      .split(',')
                      .map((f) => f.trim())
                      .filter(Boolean),
            minConfidence: unit(options.minConfidence, '--min-confidence'),
            modelFloor: unit(options.modelFloor, '--model-floor'),
            autoTrain:
              autoTrain === undefined ? undefined : autoTrain === 'default' ? null : autoTrain === 'on',
          });
          const stored = await updateTopicSettings(gleaner.db, topic, patch);
          const rules = resolveTopicRules(stored, topicRulesFromConfig(gleaner.config));
          ctx.say(
            `${topic}: required ${rules.requiredFields.join(', ')}; confidence bar ${rules.minConfidence}; model floor ${rules.modelFloor}; auto-train ${rules.autoTrain}`,
          );
          ctx.result({ topic, rules });
        }),
    );
  topics
    .command('train')
    .argument('<topic>')
    .description(
      "queue the training of the topic's attribute model (workers of `gleaner serve` or `gleaner worker --queues train` run it)",
    )
    .action(async (topic: string, _options: unknown, command: Command) =>
      withGleaner(command, async (gleaner, ctx) => {
        const { job, created } = await gleaner.topicModels.request(topic, 'requested from the command line');
        ctx.say(
          created
            ? `training job ${job.id} queued for ${topic}`
            : `joined training job ${job.id} (${job.status}) for ${topic}`,
        );
        ctx.result({ created, job });
      }),
    );
}
