import type { PageWrite } from '../store/index.js';

/** What became of one frontier URL in a slice; the writer commits outcomes in batches. */
export type UrlOutcome =
  /** Fetched (successfully or not): a page row, its frontier state, and the URLs it led to. */
  | {
      kind: 'page';
      url: string;
      page: PageWrite;
      state: 'done' | 'failed';
      discovered: { url: string; depth: number }[];
    }
  /** Not fetched, for a reason that will not change (robots, off-site redirect). */
  | { kind: 'skip'; url: string; reason: string }
  /** A passing fault: try again after a delay. */
  | { kind: 'defer'; url: string; delayMs: number; reason: string };
