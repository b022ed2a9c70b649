import cliProgress from 'cli-progress';
import type { ProgressEvent } from '../core/index.js';

/** JSON progress lines at most this often per stage (a stage's first and last events always go out). */
const JSON_INTERVAL_MS = 250;

/**
 * Progress of a command that runs in stages (`gleaner train semantic`): on a terminal, one bar per stage
 * on stderr; with `--json`, one `{"event":"progress",…}` line per event on stdout, before the result line;
 * otherwise one line per stage on stderr.
 */
export function stageProgress(options: { json: boolean }): {
  report(event: ProgressEvent): void;
  stop(): void;
} {
  let stage: string | null = null;
  let bar: cliProgress.SingleBar | null = null;
  let lastJsonAt = 0;
  const tty = process.stderr.isTTY === true && !options.json;
  const stopBar = () => {
    bar?.stop();
    bar = null;
  };
  return {
    report(event) {
      const fresh = event.stage !== stage;
      stage = event.stage;
      if (options.json) {
        const now = Date.now();
        const last = event.total !== null && event.done >= event.total;
        if (fresh || last || now - lastJsonAt >= JSON_INTERVAL_MS) {
          lastJsonAt = now;
          process.stdout.write(`${JSON.stringify({ event: 'progress', ...event })}\n`);
        }
        return;
      }
      if (fresh) {
        stopBar();
        if (event.message) process.stderr.write(`${event.stage}: ${event.message}\n`);
      }
      if (!tty || event.total === null) return;
      if (!bar) {
        bar = new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format: `${event.stage} [{bar}] {value}/{total} {message}`,
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(event.total, event.done, { message: event.message ?? '' });
      } else {
        if (bar.getTotal() !== event.total) bar.setTotal(event.total);
        bar.update(event.done, { message: event.message ?? '' });
      }
    },
    stop: stopBar,
  };
}
