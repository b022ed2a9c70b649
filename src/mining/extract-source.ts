import { InvalidInputError, SkipError } from '../core/index.js';
import type { Fetcher } from '../crawl/index.js';
import {
  SYNTAXES,
  type ExtractionPool,
  type PageFacts,
  type StructuredData,
  type StructuredDataOptions,
  type Syntax,
} from '../extract/index.js';

/** One page to extract: its HTML (with the URL it came from, if known), or a URL to fetch. */
export type ExtractSourceInput = {
  [K in keyof Omit<StructuredDataOptions, 'url' | 'syntaxes'>]?: StructuredDataOptions[K] | undefined;
} & {
  html?: string | undefined;
  url?: string | undefined;
  /** Given (or with extruct's options), the answer is the structured data of these syntaxes, in extruct's shapes. */
  syntaxes?: string[] | undefined;
};

export type ExtractSourceResult =
  | { url: string; fetched: FetchSummary | null; facts: PageFacts }
  | { url: string; fetched: FetchSummary | null; structuredData: StructuredData };

export interface FetchSummary {
  status: number;
  finalUrl: string;
  redirects: string[];
  contentType: string | null;
}

// The base of HTML given without a URL: a reserved name, so nothing resolves to a real site.
const NO_URL = 'https://page.invalid/';

/**
 * Extraction of one page for the `extract` command and `POST /api/extract`: fetched through the guarded
 * fetcher when only a URL is given, extracted in the bounded pool either way.
 */
export async function extractSource(
  input: ExtractSourceInput,
  deps: { pool: ExtractionPool; fetcher: Fetcher; allowPrivateAddresses: boolean; timeoutMs: number },
): Promise<ExtractSourceResult> {
  const syntaxes = parseSyntaxes(input.syntaxes);
  let html = input.html;
  let url = input.url ?? NO_URL;
  let fetched: FetchSummary | null = null;
  if (html === undefined) {
    if (input.url === undefined)
      throw new InvalidInputError('html', 'give the page as html, or a url to fetch it from');
    const page = await deps.fetcher.fetch(
      { url: input.url, allowPrivateAddresses: deps.allowPrivateAddresses },
      AbortSignal.timeout(deps.timeoutMs),
    );
    fetched = {
      status: page.status,
      finalUrl: page.finalUrl,
      redirects: page.redirects,
      contentType: page.contentType,
    };
    if (page.status >= 400)
      throw new SkipError(`${input.url} answered HTTP ${page.status}`, { code: `http-${page.status}` });
    html = page.html;
    url = page.finalUrl;
  }
  const { html: _html, url: _url, syntaxes: _syntaxes, ...options } = input;
  const extruct =
    syntaxes !== undefined || Object.values(options).some((v) => v !== undefined && v !== false);
  if (extruct) {
    const defined = Object.fromEntries(
      Object.entries(options).filter(([, v]) => v !== undefined),
    ) as StructuredDataOptions;
    const structuredData = await deps.pool.extractStructuredData(html, {
      ...defined,
      url,
      ...(syntaxes ? { syntaxes } : {}),
    });
    return { url, fetched, structuredData };
  }
  return { url, fetched, facts: await deps.pool.extract(html, { url }) };
}

function parseSyntaxes(values: string[] | undefined): Syntax[] | undefined {
  if (values === undefined) return undefined;
  return values.map((value, i) => {
    if (!(SYNTAXES as readonly string[]).includes(value)) {
      throw new InvalidInputError(
        `syntaxes.${i}`,
        `unknown syntax "${value}": the syntaxes are ${SYNTAXES.join(', ')}`,
      );
    }
    return value as Syntax;
  });
}
