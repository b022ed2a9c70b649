import cliProgress from 'cli-progress';
import type { MiningJobView, MiningService } from '../mining/index.js';

const POLL_MS = 250;

/**
 * Wait for a mining job to reach a final state, drawing a progress bar on a terminal. Polls the database,
 * so it shows the job wherever its workers run (this process or others on a shared PostgreSQL).
 */
export async function waitForJob(
  mining: MiningService,
  jobId: number,
  options: { bar: boolean; signal?: AbortSignal },
): Promise<MiningJobView> {
  const bar =
    options.bar && process.stderr.isTTY
      ? new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format:
              'mining [{bar}] {percentage}% | {pages} pages | {failed} bad | {pending} queued | {rate} pages/s',
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        )
      : null;
  const started = Date.now();
  bar?.start(100, 0, { pages: 0, failed: 0, pending: 0, rate: '0' });
  try {
    for (;;) {
      const job = await mining.get(jobId);
      const seconds = (Date.now() - started) / 1000;
      bar?.update(job.progressPercent, {
        pages: job.pagesStored,
        failed: job.pagesFailed,
        pending: job.frontier.pending,
        rate: seconds > 0 ? ((job.pagesStored + job.pagesFailed) / seconds).toFixed(1) : '0',
      });
      if (job.status !== 'queued' && job.status !== 'running') return job;
      if (options.signal?.aborted) return job;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  } finally {
    bar?.stop();
  }
}
