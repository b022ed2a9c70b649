import type { PageFacts } from './page-facts.js';
import type { StructuredDataOptions } from './structured-data.js';
import type { StructuredData } from './structured-data-types.js';

/** A page sent to an extraction worker: its facts (mining), or its structured data with extruct's options. */
export type ExtractionRequest =
  | {
      id: number;
      kind: 'facts';
      html: string;
      url: string;
      selectors?: Record<string, string>;
      /** Also gather product facts (`extractPage`'s `product` option). */
      product?: boolean;
    }
  | { id: number; kind: 'structured'; html: string; options: StructuredDataOptions };

export type ExtractionReply =
  | { id: number; ok: true; value: PageFacts | StructuredData }
  | {
      id: number;
      ok: false;
      error: { name: string; message: string; code: string | null; field: string | null };
    };
