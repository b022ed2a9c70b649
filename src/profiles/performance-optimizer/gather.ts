import type { NetworkEntry } from '../../crawl/index.js';
import { runInPage, requireLive, untilAborted } from '../in-page.js';
import type { GatherContext } from '../profile.js';
import { readPerformanceTimeline, type PerformanceTimeline } from './in-page.js';

/** What the performance profile reads from a loaded page. */
export interface PerformanceRaw {
  timeline: PerformanceTimeline;
  /** CDP Performance.getMetrics by name; empty when the domain was not enabled. */
  metrics: Record<string, number>;
  network: NetworkEntry[];
  timingsMs: Record<string, number>;
}

const LIMITS = { maxEntries: 1000, maxWalk: 50_000, paintWaitMs: 100 };

export async function gatherPerformance(context: GatherContext): Promise<PerformanceRaw> {
  const live = requireLive(context, 'performance_optimizer');
  const [timeline, metrics] = await Promise.all([
    runInPage(live, readPerformanceTimeline, LIMITS),
    untilAborted(live.signal, live.cdp.send('Performance.getMetrics')).then(
      ({ metrics }) => Object.fromEntries(metrics.map((m) => [m.name, m.value])),
      // Without the Performance domain the heap and counters are unknown; the timeline still stands.
      () => ({}),
    ),
  ]);
  return {
    timeline,
    metrics,
    network: live.network.slice(0, LIMITS.maxEntries),
    timingsMs: { ...live.timingsMs },
  };
}
