import type { Command } from 'commander';
import { startDemoSite } from '../../demo/index.js';
import { startGleaner } from '../../runtime/index.js';
import { extractionSummary } from '../../store/index.js';
import { createContext, type GlobalOptions } from '../context.js';
import { parseIntOption } from '../options.js';
import { waitForJob } from '../progress.js';
import { formatJobSummary } from '../summary.js';
import { showTopicTraining } from '../topic-training.js';
import { serveApi, untilShutdown } from './serve.js';

interface DemoOptions {
  port?: number;
  products?: number;
  exit: boolean;
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'start the demo shop-and-blog site on 127.0.0.1, mine it, print what was found, and leave the API running',
    )
    .option('--port <port>', 'API port', parseIntOption('--port'))
    .option('--products <n>', 'products in the demo shop', parseIntOption('--products'))
    .option('--exit', 'exit after the summary instead of serving the API', false)
    .action(async (options: DemoOptions, command: Command) => {
      const ctx = createContext(command.optsWithGlobals<GlobalOptions>(), { port: options.port });
      const site = await startDemoSite(options.products === undefined ? {} : { products: options.products });
      ctx.say(
        `demo site on ${site.url} (${site.truth.reachablePaths.length} pages reachable, ${site.truth.badPages.length} bad pages on purpose)`,
      );
      const gleaner = await startGleaner({ config: ctx.config, logger: ctx.logger });
      try {
        const job = await gleaner.mining.submit(
          {
            topic: 'demo-shop',
            startUrls: [`${site.url}/`],
            maxPages: site.truth.reachablePaths.length + site.truth.badPages.length + 100,
            selectors: { price: '.price', breadcrumb: 'nav[aria-label=breadcrumb] a' },
          },
          // The demo site is on loopback: allowed for this job explicitly, not for the API's jobs.
          { allowPrivateAddresses: true },
        );
        ctx.say(`mining job ${job.id}: mining ${site.url} …`);
        await waitForJob(gleaner.mining, job.id, { bar: !ctx.json });
        const report = await gleaner.mining.report(job.id);
        for (const line of formatJobSummary(report, await extractionSummary(gleaner.db, job.id)))
          ctx.say(line);
        // The job left records that need training data: the topic's model trains by itself, then fills them.
        const training = await showTopicTraining(gleaner, ctx, report);
        if (options.exit) {
          ctx.result(training ? { ...report, training } : report);
          return;
        }
        const url = await serveApi(gleaner, ctx);
        ctx.say(`see the job: curl -H 'x-api-key: <key>' ${url}/api/mining-jobs/${job.id}`);
        ctx.say('Ctrl-C stops the API and the demo site.');
        ctx.result({ url, jobId: job.id });
        await untilShutdown();
      } finally {
        await gleaner.close();
        await site.close();
      }
    });
}
