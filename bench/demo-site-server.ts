// Serves the demo site in its own process, so that the benchmark's crawlers all share one server whose
// CPU is not counted against any of them. Prints {"url", "reachablePages"} as one JSON line, then serves
// until killed. Each "stats" line on stdin is answered with one JSON line: what the server saw since the
// previous one (see lib/request-log.ts).
// Usage: node --import tsx bench/demo-site-server.ts [products] [articles]
import { createInterface } from 'node:readline';
import { startDemoSite } from '../src/demo/index.js';
import { RequestLog } from './lib/request-log.js';

const [products, articles] = process.argv.slice(2).map(Number);
const log = new RequestLog();
const site = await startDemoSite({
  ...(products === undefined ? {} : { products }),
  ...(articles === undefined ? {} : { articles }),
});
const reachablePages = site.truth.reachablePaths.length;
process.stdout.write(`${JSON.stringify({ url: site.url, reachablePages })}\n`);

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'stats') process.stdout.write(`${JSON.stringify(log.take())}\n`);
});

// SIGTERM from the benchmark: close cleanly so that no socket is left half-open.
process.once('SIGTERM', () => void site.close().then(() => process.exit(0)));
