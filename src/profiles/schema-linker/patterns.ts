import type { Attributes } from '../profile.js';
import type { Relationship, SchemaLinkerAttributes } from './spec.js';

/**
 * One learnt pattern to add to `schema_link_patterns`: the shape of the store's
 * `recordSchemaLinkPatterns` input (profiles do not import the store; the mining layer joins the two).
 */
export interface SchemaLinkPatternUpsert {
  attribute: string;
  tableName: string;
  relationship: Relationship;
  pattern: string;
  confidence: number;
  /** Times seen on the page. */
  occurrences: number;
  /** Pages it was seen on: 1 for one page's attributes. */
  pages: number;
}

/**
 * The pattern upserts of one page's `schema_linker` attributes (as stored: the result of its
 * `toAttributes`). Give them to the store's `recordSchemaLinkPatterns` in the page's transaction; an
 * attribute set without patterns (another profile's, or a failed page) yields none.
 */
export function schemaLinkPatternUpserts(attributes: Attributes): SchemaLinkPatternUpsert[] {
  const patterns = (attributes as Partial<SchemaLinkerAttributes>).patterns;
  if (!Array.isArray(patterns)) return [];
  return patterns.map((p) => ({
    attribute: p.attribute,
    tableName: p.table,
    relationship: p.relationship,
    pattern: p.pattern,
    confidence: p.confidence,
    occurrences: p.occurrences,
    pages: 1,
  }));
}
