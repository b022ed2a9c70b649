import type { DemoCatalog } from './catalog-types.js';
import type { DemoBadPage } from './types.js';

/**
 * The misbehaving paths, all linked from `/status` so that a crawl meets them. Their declared outcome
 * is what the truth hands to tests; the server answers from the same list.
 */

/** Size of `/bad/huge`: twice the crawler's default page limit. */
export const HUGE_PAGE_BYTES = 10 * 1024 * 1024;
/** Size of `/bad/binary`. */
export const BINARY_PAGE_BYTES = 64 * 1024;
export const REDIRECT_LOOP_SECOND = '/bad/redirect-loop-b';

export function buildBadPages(catalog: DemoCatalog): DemoBadPage[] {
  const moved = catalog.products.find((p) => p.variantOf === null)?.path ?? '/';
  return [
    { path: '/bad/not-found', kind: 'not-found', expectedStatus: 404 },
    { path: '/bad/server-error', kind: 'server-error', expectedStatus: 500 },
    { path: '/bad/slow', kind: 'slow', expectedStatus: 200 },
    {
      path: '/bad/redirect-loop',
      kind: 'redirect-loop',
      expectedStatus: null,
      redirectsTo: REDIRECT_LOOP_SECOND,
    },
    { path: '/bad/huge', kind: 'huge', expectedStatus: 200 },
    { path: '/bad/binary', kind: 'binary', expectedStatus: 200 },
    { path: '/bad/moved', kind: 'redirect', expectedStatus: 200, redirectsTo: moved },
  ];
}
