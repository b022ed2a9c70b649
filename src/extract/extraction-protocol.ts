import type { PageFacts } from './page-facts.js';

/** A page sent to an extraction worker. */
export interface ExtractionRequest {
  id: number;
  html: string;
  url: string;
  /** The job's selector spec (compiled objects do not cross threads). */
  selectors?: Record<string, string>;
}

export type ExtractionReply =
  | { id: number; ok: true; facts: PageFacts }
  | {
      id: number;
      ok: false;
      error: { name: string; message: string; code: string | null; field: string | null };
    };
