import type { Queryable } from './database.js';

/** One pattern the schema linker learnt on a page: a page attribute mapped to a table. */
export interface SchemaLinkPatternWrite {
  attribute: string;
  tableName: string;
  relationship: 'maps-to' | 'contained-in' | 'linked-to';
  pattern: string;
  confidence: number;
  /** Times seen. */
  occurrences: number;
  /** Pages it was seen on. */
  pages: number;
}

export interface SchemaLinkPatternRow extends SchemaLinkPatternWrite {
  firstSeen: Date;
  lastSeen: Date;
}

/**
 * Add learnt patterns to `schema_link_patterns`: counts add up, the confidence kept is the highest seen,
 * the pattern text the latest. Patterns of one batch are summed first (one row per key per statement).
 */
export async function recordSchemaLinkPatterns(
  q: Queryable,
  patterns: readonly SchemaLinkPatternWrite[],
): Promise<void> {
  if (patterns.length === 0) return;
  const merged = new Map<string, SchemaLinkPatternWrite>();
  for (const p of patterns) {
    const key = JSON.stringify([p.attribute, p.tableName, p.relationship]);
    const seen = merged.get(key);
    if (seen) {
      seen.occurrences += p.occurrences;
      seen.pages += p.pages;
      seen.confidence = Math.max(seen.confidence, p.confidence);
      seen.pattern = p.pattern;
    } else merged.set(key, { ...p });
  }
  await q.query(
    `INSERT INTO schema_link_patterns (attribute, table_name, relationship, pattern, confidence, occurrences, pages)
     SELECT a, t, r, p, c, o, n FROM jsonb_to_recordset($1::jsonb) AS x(a text, t text, r text, p text, c real, o bigint, n bigint)
     ON CONFLICT (attribute, table_name, relationship) DO UPDATE SET
       pattern = EXCLUDED.pattern,
       confidence = GREATEST(schema_link_patterns.confidence, EXCLUDED.confidence),
       occurrences = schema_link_patterns.occurrences + EXCLUDED.occurrences,
       pages = schema_link_patterns.pages + EXCLUDED.pages,
       last_seen = now()`,
    [
      JSON.stringify(
        [...merged.values()].map((p) => ({
          a: p.attribute,
          t: p.tableName,
          r: p.relationship,
          p: p.pattern,
          c: p.confidence,
          o: p.occurrences,
          n: p.pages,
        })),
      ),
    ],
  );
}

/** The learnt patterns, most seen first. */
export async function listSchemaLinkPatterns(q: Queryable, limit = 200): Promise<SchemaLinkPatternRow[]> {
  const { rows } = await q.query<SchemaLinkPatternRow>(
    `SELECT attribute, table_name AS "tableName", relationship, pattern, confidence, occurrences::int AS occurrences,
       pages::int AS pages, first_seen AS "firstSeen", last_seen AS "lastSeen"
     FROM schema_link_patterns ORDER BY occurrences DESC, attribute LIMIT $1`,
    [limit],
  );
  return rows;
}
