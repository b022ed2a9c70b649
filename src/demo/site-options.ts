import { InvalidInputError } from '../core/index.js';
import { DEMO_CATALOG_LIMITS } from './catalog.js';
import type { DemoSiteOptions } from './types.js';

/** `DemoSiteOptions` after defaults and validation. */
export interface ResolvedDemoSiteOptions {
  host: string;
  port: number;
  products: number;
  articles: number;
  slowPageDelayMs: number;
  seed: number;
}

const DEFAULTS: ResolvedDemoSiteOptions = {
  host: '127.0.0.1',
  port: 0,
  products: 800,
  articles: 150,
  slowPageDelayMs: 3000,
  seed: 42,
};
const MAX_SLOW_PAGE_DELAY_MS = 600_000;

function integerIn(field: keyof DemoSiteOptions, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidInputError(
      field,
      `demo site option ${field} must be a whole number from ${min} to ${max}, got ${String(value)}`,
    );
  }
  return value;
}

/** Applies defaults; rejects unknown keys (a misspelt option silently ignored is a wrong site). */
export function resolveDemoSiteOptions(options: DemoSiteOptions = {}): ResolvedDemoSiteOptions {
  for (const key of Object.keys(options)) {
    if (!(key in DEFAULTS)) {
      throw new InvalidInputError(
        key,
        `unknown demo site option "${key}"; known options: ${Object.keys(DEFAULTS).join(', ')}`,
      );
    }
  }
  const merged = {
    ...DEFAULTS,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  };
  if (typeof merged.host !== 'string' || merged.host === '')
    throw new InvalidInputError('host', 'demo site option host must be a non-empty string, e.g. 127.0.0.1');
  return {
    host: merged.host,
    port: integerIn('port', merged.port, 0, 65535),
    products: integerIn('products', merged.products, 0, DEMO_CATALOG_LIMITS.maxProducts),
    articles: integerIn('articles', merged.articles, 0, DEMO_CATALOG_LIMITS.maxArticles),
    slowPageDelayMs: integerIn('slowPageDelayMs', merged.slowPageDelayMs, 0, MAX_SLOW_PAGE_DELAY_MS),
    seed: integerIn('seed', merged.seed, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
  };
}
