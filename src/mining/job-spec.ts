import { z } from 'zod';
import { InvalidInputError } from '../core/index.js';
import { assertPublicLiteral, normalizeUrl, Scope } from '../crawl/index.js';
import { compileSelectors } from '../extract/index.js';
import { resolveProfiles } from '../profiles/index.js';

/** A mining job as a user submits it (CLI flags or the API's JSON body). Unknown keys are refused. */
export const miningJobInput = z
  .object({
    /** What the mined data is for; records, bundles and models are grouped by it. @example 'headphones' */
    topic: z.string().trim().min(1).max(200),
    startUrls: z.array(z.string().min(1).max(4096)).min(1).max(10_000),
    /** Mining profiles (see `gleaner profiles`); `product` by default, so product pages become training records. */
    profiles: z.array(z.string().min(1)).max(32).default(['product']),
    /** Custom CSS selectors → named attributes; `name: 'css'` takes text, `name: 'css@attr'` an attribute. */
    selectors: z.record(z.string(), z.string()).default({}),
    /** Attributes the user wants in the records (datasets read it). */
    attributes: z.array(z.string().min(1)).max(200).default([]),
    /**
     * `static`: pages over HTTP; `browser`: every page rendered in Chromium; `auto`: over HTTP, and in
     * Chromium where the HTML shows that scripts render the content (or every page when a profile needs
     * a rendered page). robots.txt and sitemaps are always read over HTTP.
     */
    render: z.enum(['static', 'browser', 'auto']).default('static'),
    maxPages: z.number().int().min(1).max(10_000_000).optional(),
    maxDepth: z.number().int().min(0).max(1000).optional(),
    include: z.array(z.string().min(1)).max(200).default([]),
    exclude: z.array(z.string().min(1)).max(200).default([]),
    sameSite: z.boolean().default(true),
    /** Obey robots.txt (and `<meta name=robots content=nofollow>`). Turn off only for sites you own. */
    respectRobots: z.boolean().default(true),
    /** Seed the crawl with the URLs of the sites' sitemaps too. */
    useSitemaps: z.boolean().default(true),
  })
  .strict();

export type MiningJobInput = z.input<typeof miningJobInput>;

/** The job as stored: the input with its defaults resolved, and what the submitter may fetch. */
export interface MiningJobSpec extends Omit<z.output<typeof miningJobInput>, 'maxPages' | 'maxDepth'> {
  maxPages: number;
  maxDepth: number;
  allowPrivateAddresses: boolean;
}

export interface SpecDefaults {
  maxPages: number;
  maxDepth: number;
}

/**
 * Validate a submitted job fully before anything is stored: every URL, glob, selector and profile, so a
 * bad request is refused whole with the field at fault (HTTP 400), never half-run.
 */
export function parseMiningJob(
  input: unknown,
  defaults: SpecDefaults,
  allowPrivateAddresses: boolean,
): MiningJobSpec {
  const parsed = miningJobInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || 'body';
    throw new InvalidInputError(field, `${field}: ${issue.message}`);
  }
  const job = parsed.data;
  const startUrls = job.startUrls.map((url, i) => {
    const normalized = normalizeUrl(url);
    if (!normalized)
      throw new InvalidInputError(
        `startUrls.${i}`,
        `startUrls.${i}: "${url}" is not an http(s) URL; write it in full, e.g. https://shop.example/`,
      );
    if (!allowPrivateAddresses) refusePrivateHost(normalized, `startUrls.${i}`);
    return normalized;
  });
  compileSelectors(job.selectors);
  const profiles = resolveProfiles(job.profiles);
  const rendered = profiles.filter((p) => p.needsBrowser).map((p) => p.name);
  if (job.render === 'static' && rendered.length > 0) {
    throw new InvalidInputError(
      'render',
      `render: the profile${rendered.length > 1 ? 's' : ''} ${rendered.join(', ')} read${rendered.length > 1 ? '' : 's'} the rendered page, which render "static" does not load; ` +
        'use --render browser (or auto), "render": "browser" in the API',
    );
  }
  const spec: MiningJobSpec = {
    ...job,
    startUrls: [...new Set(startUrls)],
    maxPages: job.maxPages ?? defaults.maxPages,
    maxDepth: job.maxDepth ?? defaults.maxDepth,
    allowPrivateAddresses,
  };
  // Globs are compiled here so that a bad one is refused at submission.
  scopeOf(spec);
  return spec;
}

export function scopeOf(spec: MiningJobSpec): Scope {
  return new Scope({
    startUrls: spec.startUrls,
    sameSite: spec.sameSite,
    include: spec.include,
    exclude: spec.exclude,
    maxDepth: spec.maxDepth,
  });
}

/**
 * Refuse at submission what the fetcher would refuse anyway: a private IP literal or a localhost name.
 * Names that resolve to private addresses are caught at connect time (no DNS lookups at submission).
 */
function refusePrivateHost(url: string, field: string): void {
  const host = new URL(url).hostname.toLowerCase();
  try {
    if (host === 'localhost' || host.endsWith('.localhost')) throw new Error(`${host} is a loopback name`);
    assertPublicLiteral(host);
  } catch (error) {
    throw new InvalidInputError(
      field,
      `${field}: ${url} is a private, loopback or link-local address, which this server does not fetch for API jobs. ` +
        'An operator can allow it with GLEANER_ALLOW_PRIVATE_ADDRESSES=true.',
      { cause: error },
    );
  }
}
