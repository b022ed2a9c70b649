import type { Command } from 'commander';
import { extractionSummary } from '../../store/index.js';
import { parseId, withGleaner } from '../with-gleaner.js';
import { formatJobSummary } from '../summary.js';

function jobId(value: string): number {
  return parseId(value, 'job');
}

export function registerJobs(program: Command): void {
  const jobs = program.command('jobs').description('list, show and cancel mining jobs');
  jobs
    .command('list', { isDefault: true })
    .description('the newest mining jobs')
    .action(async (_options: unknown, command: Command) =>
      withGleaner(command, async (gleaner, ctx) => {
        const items = await gleaner.mining.list({ limit: 50, offset: 0 });
        for (const j of items)
          ctx.say(
            `${String(j.id).padStart(5)}  ${j.status.padEnd(9)}  ${String(j.progressPercent).padStart(3)}%  ${j.pagesStored} pages  ${j.topic}  ${j.spec.startUrls[0] ?? ''}`,
          );
        if (items.length === 0) ctx.say('no mining jobs yet: start one with `gleaner mine <url> --topic T`');
        ctx.result({ items });
      }),
    );
  jobs
    .command('show')
    .argument('<id>')
    .description('a job with its counts and its bad pages by reason')
    .action(async (id: string, _options: unknown, command: Command) =>
      withGleaner(command, async (gleaner, ctx) => {
        const report = await gleaner.mining.report(jobId(id));
        for (const line of formatJobSummary(report, await extractionSummary(gleaner.db, report.id)))
          ctx.say(line);
        ctx.result(report);
      }),
    );
  jobs
    .command('cancel')
    .argument('<id>')
    .action(async (id: string, _options: unknown, command: Command) =>
      withGleaner(command, async (gleaner, ctx) => {
        const job = await gleaner.mining.cancel(jobId(id));
        ctx.say(`job ${job.id}: ${job.status}`);
        ctx.result(job);
      }),
    );
}
