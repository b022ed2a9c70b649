import type { FetchedPage, PageRequest } from '../crawl/index.js';
import type { JobRuntime } from './job-runtime.js';
import { scriptsNeeded } from './render-choice.js';
import { needsBrowser, type ProfileRun } from './run-profiles.js';

/** How a page was fetched, kept with its extraction (`render`) for jobs that may render. */
export interface RenderNote {
  mode: 'static' | 'browser';
  /** `auto`: why the page was rendered (the rule of `scriptsNeeded`, or a profile needing the browser). */
  reason?: string;
  /** What the browser met and bounded (dialogs, pop-ups, a load cut at its cap, profiles cut short). */
  warnings?: string[];
}

/**
 * Fetch a frontier URL the way its job renders: over HTTP (`static`), in the browser (`browser`), or over
 * HTTP first and in the browser where the HTML shows it needs scripts (`auto`; every page when a profile
 * reads the rendered page). In the browser, the profiles' live visit rides along the same load.
 */
export async function fetchPage(
  runtime: JobRuntime,
  url: string,
  run: ProfileRun | null,
  signal: AbortSignal,
): Promise<{ fetched: FetchedPage; render: RenderNote }> {
  const { spec, browser } = runtime;
  const request: PageRequest = { url, allowPrivateAddresses: spec.allowPrivateAddresses };
  const inBrowser = async (reason?: string) => {
    const fetched = await browser!.fetch(
      { ...request, block: runtime.block, ...(run ? { live: run.liveVisit() } : {}) },
      signal,
    );
    const render: RenderNote = { mode: 'browser' };
    if (reason !== undefined) render.reason = reason;
    if (fetched.warnings && fetched.warnings.length > 0) render.warnings = fetched.warnings;
    return { fetched, render };
  };
  if (browser === null || spec.render === 'static')
    return { fetched: await runtime.fetcher.fetch(request, signal), render: { mode: 'static' } };
  if (spec.render === 'browser') return inBrowser();
  if (needsBrowser(runtime.profiles)) return inBrowser('a profile reads the rendered page');
  const fetched = await runtime.fetcher.fetch(request, signal);
  const reason = fetched.status >= 200 && fetched.status < 300 ? scriptsNeeded(fetched.html) : null;
  if (reason === null) return { fetched, render: { mode: 'static' } };
  return inBrowser(reason);
}
