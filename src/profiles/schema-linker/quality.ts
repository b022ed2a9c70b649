import { toScore } from '../scoring.js';
import type { SchemaLinkerAttributes } from './spec.js';

/** `SCHEMA_LINKER_QUALITY_RULE`. */
export function schemaLinkerQuality(a: SchemaLinkerAttributes): number {
  if (a.link_count === 0) return 0;
  const mapped = new Set(a.links.filter((l) => l.relationship === 'maps-to').map((l) => l.attribute)).size;
  const mappedShare = mapped / (mapped + a.unmapped_attributes.length || 1);
  return toScore(
    0.5 * a.mean_confidence +
      0.2 * Math.min(1, a.tables.length / 3) +
      0.2 * Math.min(1, a.relationships.length / 2) +
      0.1 * mappedShare,
  );
}
