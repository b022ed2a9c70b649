// Peer for bench/mining-static.ts: Crawlee's CheerioCrawler following every same-hostname link and
// extracting nothing, i.e. the bare cost of a Node crawler. Prints {"pages","seconds",...} as one JSON line.
// Usage: node --import tsx bench/peers/crawlee-cheerio.ts <startUrl> [--no-robots] [--autoscale]
import { CheerioCrawler, Configuration, log, LogLevel } from '@crawlee/cheerio';

const args = process.argv.slice(2);
const startUrl = args.find((a) => !a.startsWith('--'));
if (startUrl === undefined)
  throw new Error('usage: crawlee-cheerio.ts <startUrl> [--no-robots] [--autoscale]');
// Crawlee 3.18 can obey robots.txt like Gleaner and Scrapy, so by default it does: same pages for all three.
const respectRobots = !args.includes('--no-robots');
// Gleaner runs a fixed 16 fetches at a time; Crawlee by default starts at 1 and scales up with measured
// CPU load. Pinning min = max = 16 compares like with like (and gives Crawlee its best throughput here).
const autoscale = args.includes('--autoscale');

log.setLevel(LogLevel.WARNING);
// In-memory storage: no request queue or dataset written to disk, nothing left over between runs.
const config = new Configuration({ persistStorage: false, purgeOnStart: true });

let handled = 0;
let failed = 0;
const crawler = new CheerioCrawler(
  {
    maxConcurrency: 16,
    ...(autoscale ? {} : { minConcurrency: 16 }),
    maxRequestsPerCrawl: 100_000,
    respectRobotsTxtFile: respectRobots,
    // No extraction: only the links that keep the crawl going.
    async requestHandler({ enqueueLinks }) {
      handled += 1;
      await enqueueLinks({ strategy: 'same-hostname' });
    },
    failedRequestHandler() {
      failed += 1;
    },
  },
  config,
);

const started = performance.now();
const stats = await crawler.run([startUrl]);
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `${JSON.stringify({
    pages: handled + failed,
    pagesOk: handled,
    pagesFailed: failed,
    seconds,
    requestsTotal: stats.requestsTotal,
    respectRobots,
    autoscale,
  })}\n`,
);
// Exit now: idle keep-alive sockets to the demo site would otherwise hold the process open until the
// server's 5 s keepAliveTimeout closes them, which is not crawl work but would count in wall time.
process.exit(0);
