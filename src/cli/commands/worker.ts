import type { Command } from 'commander';
import { InvalidInputError } from '../../core/index.js';
import { QUEUES } from '../../queue/index.js';
import { startGleaner } from '../../runtime/index.js';
import { createContext, type GlobalOptions } from '../context.js';
import { collect, parseIntOption } from '../options.js';
import { untilShutdown } from './serve.js';

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run queue workers against a shared PostgreSQL (DATABASE_URL); start as many as wanted')
    .option(
      '--queues <name>',
      `queues to work (repeatable or comma-separated): ${Object.values(QUEUES).join(', ')}`,
      collect,
      [],
    )
    .option('--concurrency <n>', 'jobs this process runs at once', parseIntOption('--concurrency'))
    .action(async (options: { queues: string[]; concurrency?: number }, command: Command) => {
      const ctx = createContext(command.optsWithGlobals<GlobalOptions>(), {}, 'server');
      if (!ctx.config.databaseUrl) {
        throw new InvalidInputError(
          'DATABASE_URL',
          'gleaner worker needs a shared PostgreSQL: set DATABASE_URL. In embedded mode, `gleaner serve` runs the workers in its own process.',
        );
      }
      const queues = options.queues
        .flatMap((q) => q.split(','))
        .map((q) => q.trim())
        .filter(Boolean);
      const known = Object.values(QUEUES) as string[];
      for (const q of queues)
        if (!known.includes(q))
          throw new InvalidInputError(
            '--queues',
            `unknown queue "${q}": known queues are ${known.join(', ')}`,
          );
      const gleaner = await startGleaner({ config: ctx.config, logger: ctx.logger, workers: 0 });
      const concurrency = options.concurrency ?? ctx.config.workerConcurrency;
      if (queues.length === 0 || queues.includes(QUEUES.mine)) await gleaner.mining.startWorkers(concurrency);
      if (queues.length === 0 || queues.includes(QUEUES.train))
        await gleaner.topicModels.startWorkers(options.concurrency ?? ctx.config.trainWorkers);
      ctx.logger.info(
        { queues: queues.length ? queues : known, concurrency, pid: process.pid },
        'worker started',
      );
      ctx.say(`worker ${process.pid} working ${queues.length ? queues.join(', ') : known.join(', ')}`);
      await untilShutdown();
      await gleaner.close();
    });
}
