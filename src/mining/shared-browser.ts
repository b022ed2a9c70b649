import { availableParallelism } from 'node:os';
import type { GleanerConfig } from '../core/index.js';
import { BrowserFetcher, type BrowserFetcherStats } from '../crawl/index.js';
import type { SharedBrowser } from './job-runtime.js';

export type BrowserSettings = Pick<
  GleanerConfig,
  | 'chromePath'
  | 'userAgent'
  | 'browserConcurrency'
  | 'browserPageTimeoutMs'
  | 'browserLoadTimeoutMs'
  | 'browserPageMemoryMb'
  | 'browserMaxDomNodes'
  | 'browserRestartAfterPages'
  | 'browserMaxMemoryMb'
  | 'maxPageBytes'
  | 'maxRedirects'
>;

export interface SharedBrowserHandle extends SharedBrowser {
  /** Figures of the browser so far (zeros when it never started). */
  stats(): BrowserFetcherStats;
  /** Pids of the running Chromium processes (for memory figures). */
  pids(): number[];
  close(): Promise<void>;
}

/**
 * One browser for all of a process's jobs: its tabs are the process's rendering capacity, whatever the
 * number of jobs. Built on first use; Chromium itself starts with the first page and stops after a
 * minute without pages.
 */
export function sharedBrowser(settings: BrowserSettings): SharedBrowserHandle {
  const tabs = settings.browserConcurrency || availableParallelism();
  let fetcher: BrowserFetcher | null = null;
  return {
    tabs,
    fetcher() {
      fetcher ??= new BrowserFetcher({
        executablePath: settings.chromePath,
        userAgent: settings.userAgent,
        tabs,
        pageTimeoutMs: settings.browserPageTimeoutMs,
        loadTimeoutMs: settings.browserLoadTimeoutMs,
        pageMemoryMb: settings.browserPageMemoryMb,
        maxPageBytes: settings.maxPageBytes,
        maxRedirects: settings.maxRedirects,
        maxDomNodes: settings.browserMaxDomNodes,
        restartAfterPages: settings.browserRestartAfterPages,
        maxBrowserMemoryMb: settings.browserMaxMemoryMb,
      });
      return fetcher;
    },
    stats: () => fetcher?.stats ?? { launches: 0, pagesLoaded: 0, tabsReplaced: 0, restarts: 0 },
    pids: () => fetcher?.pids ?? [],
    async close() {
      await fetcher?.close();
    },
  };
}
