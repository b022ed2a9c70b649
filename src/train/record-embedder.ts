import type { RecordAttributes } from '../datasets/index.js';
import { hashedColumn } from './attribute-model/hashing.js';
import { charNgrams, words } from './attribute-model/text-tokens.js';

/** Stored with each vector, so a change of features re-embeds the records instead of mixing spaces. */
export const RECORD_EMBEDDER_ID = 'record-hash-v1';
const DIMENSIONS = 256;
const BITS = 8;
const DESCRIPTION_CHARS = 600;

// What a product is, by weight: its name says most, then its type (category) and maker, then the blurb.
const FIELD_WEIGHTS: readonly [field: string, weight: number][] = [
  ['name', 1],
  ['category', 0.7],
  ['brand', 0.6],
  ['description', 0.35],
];

/** The text of one field of a record (a category path joined), or '' when it has none. */
function fieldText(attributes: RecordAttributes, field: string): string {
  const value = attributes[field]?.value;
  if (typeof value === 'string') return field === 'description' ? value.slice(0, DESCRIPTION_CHARS) : value;
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'string').join(' ');
  return '';
}

/**
 * A record's embedding for similar-product search: name, category, brand and description as hashed
 * word and character 3-4-gram features (sublinear counts, weighted per field), in 256 dimensions, L2
 * normalized. Stateless and deterministic, so a record is embedded once, when it is written or changed,
 * and needs no fitted vocabulary; its cosine ranks products that share a type, a maker or a model line.
 */
export function embedRecord(attributes: RecordAttributes): Float32Array {
  const vector = new Float32Array(DIMENSIONS);
  for (const [field, weight] of FIELD_WEIGHTS) {
    const tokens = words(fieldText(attributes, field));
    if (tokens.length === 0) continue;
    const counts = new Map<string, number>();
    for (const token of tokens) counts.set(`w:${token}`, (counts.get(`w:${token}`) ?? 0) + 1);
    for (const gram of charNgrams(tokens, 3, 4)) counts.set(`c:${gram}`, (counts.get(`c:${gram}`) ?? 0) + 1);
    // Each field contributes a unit of mass whatever its length, scaled by its weight.
    let norm = 0;
    for (const count of counts.values()) norm += (1 + Math.log(count)) ** 2;
    const scale = weight / Math.sqrt(norm);
    for (const [feature, count] of counts) {
      const { column, sign } = hashedColumn(feature, BITS);
      vector[column]! += sign * (1 + Math.log(count)) * scale;
    }
  }
  let norm = 0;
  for (const v of vector) norm += v * v;
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (let i = 0; i < DIMENSIONS; i++) vector[i]! *= inv;
  }
  return vector;
}
