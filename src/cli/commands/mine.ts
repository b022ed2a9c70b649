import type { Command } from 'commander';
import { FatalError, InvalidInputError } from '../../core/index.js';
import { assertChromium } from '../../crawl/index.js';
import { parseMiningJob, type MiningJobInput } from '../../mining/index.js';
import { startGleaner } from '../../runtime/index.js';
import { extractionSummary } from '../../store/index.js';
import { createContext, type GlobalOptions } from '../context.js';
import { waitForJob } from '../progress.js';
import { formatJobSummary } from '../summary.js';
import { showTopicTraining } from '../topic-training.js';
import { onShutdown, parseIntOption, collect } from '../options.js';

interface MineOptions {
  topic: string;
  profile: string[];
  select: string[];
  attribute: string[];
  maxPages?: number;
  maxDepth?: number;
  include: string[];
  exclude: string[];
  render: 'static' | 'browser' | 'auto';
  robots: boolean;
  sitemaps: boolean;
  allowPrivate: boolean;
  detach: boolean;
  workers?: number;
}

export function registerMine(program: Command): void {
  program
    .command('mine')
    .description('mine one or more sites into the database')
    .argument('<url...>', 'start URLs')
    .requiredOption('--topic <topic>', 'what the data is for (records and models are grouped by it)')
    .option(
      '--profile <name>',
      'a mining profile (repeatable; "all" for every one, "none" for none; default: product)',
      collect,
      [],
    )
    .option(
      '--select <name=css>',
      'a custom CSS selector as a named attribute; css@attr takes an attribute (repeatable)',
      collect,
      [],
    )
    .option('--attribute <name>', 'an attribute wanted in the records (repeatable)', collect, [])
    .option('--max-pages <n>', 'stop after this many pages', parseIntOption('--max-pages'))
    .option(
      '--max-depth <n>',
      'follow links this many steps from the start URLs',
      parseIntOption('--max-depth'),
    )
    .option(
      '--include <glob>',
      'only URLs matching (repeatable; a glob starting with / matches the path)',
      collect,
      [],
    )
    .option('--exclude <glob>', 'never URLs matching (repeatable)', collect, [])
    .option(
      '--render <mode>',
      'static (HTTP) | browser (Chromium renders every page) | auto (Chromium where the HTML needs scripts)',
      'static',
    )
    .option('--no-robots', 'ignore robots.txt (only for sites you own)')
    .option('--no-sitemaps', 'do not seed the crawl from sitemaps')
    .option('--allow-private', 'allow private, loopback and link-local addresses (local test sites)', false)
    .option('--detach', 'queue the job and exit; workers elsewhere run it (PostgreSQL mode)', false)
    .option('--workers <n>', 'mining jobs this process runs at once', parseIntOption('--workers'))
    .action(async (urls: string[], options: MineOptions, command: Command) => {
      const ctx = createContext(command.optsWithGlobals<GlobalOptions>());
      const input: MiningJobInput = {
        topic: options.topic,
        startUrls: urls,
        profiles:
          options.profile.length === 0 ? undefined : options.profile.includes('none') ? [] : options.profile,
        selectors: parseSelectors(options.select),
        attributes: options.attribute,
        render: options.render,
        include: options.include,
        exclude: options.exclude,
        respectRobots: options.robots,
        useSitemaps: options.sitemaps,
        ...(options.maxPages === undefined ? {} : { maxPages: options.maxPages }),
        ...(options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth }),
      };
      // Refuse a bad job before opening the database: the error comes at once.
      const allowPrivateAddresses = options.allowPrivate || ctx.config.allowPrivateAddresses;
      parseMiningJob(input, ctx.config, allowPrivateAddresses);
      // This process renders the pages unless detached: say now, with the fix, when there is no browser.
      if (options.render !== 'static' && !options.detach) assertChromium(ctx.config.chromePath);
      const gleaner = await startGleaner({
        config: ctx.config,
        logger: ctx.logger,
        workers: options.detach ? 0 : (options.workers ?? ctx.config.workerConcurrency),
      });
      const stop = new AbortController();
      const removeHandler = onShutdown(() => stop.abort());
      try {
        const job = await gleaner.mining.submit(input, { allowPrivateAddresses });
        ctx.say(
          `queued mining job ${job.id} (${job.spec.startUrls.length} start URLs, up to ${job.spec.maxPages} pages)`,
        );
        if (options.detach) {
          ctx.result(job);
          return;
        }
        await waitForJob(gleaner.mining, job.id, { bar: !ctx.json, signal: stop.signal });
        const report = await gleaner.mining.report(job.id);
        for (const line of formatJobSummary(report, await extractionSummary(gleaner.db, job.id)))
          ctx.say(line);
        if (stop.signal.aborted)
          ctx.say(
            'interrupted: the job resumes where it stopped the next time workers run (gleaner serve, gleaner worker, or gleaner mine)',
          );
        const training = await showTopicTraining(gleaner, ctx, report, stop.signal);
        ctx.result(training ? { ...report, training } : report);
        // A failed job fails the command (exit 1), so that scripts and CI see it; the summary said why.
        if (report.status === 'failed')
          throw new FatalError(`mining job ${job.id} failed: ${report.error ?? 'no reason recorded'}`, {
            code: 'job-failed',
          });
      } finally {
        removeHandler();
        await gleaner.close();
      }
    });
}

/** `name=css` pairs into a selector map; the selector itself is checked when the job is validated. */
function parseSelectors(pairs: string[]): Record<string, string> {
  const selectors: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0)
      throw new InvalidInputError(
        '--select',
        `--select "${pair}": write it as name=css, e.g. --select price=.price or --select image=img.main@src`,
      );
    selectors[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return selectors;
}
