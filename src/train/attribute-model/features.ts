import type { RecordAttributes } from '../../datasets/index.js';
import { hashedColumn } from './hashing.js';
import { categoryPath, isCategoryAttribute, observedValue } from './labels.js';
import { SparseRowsBuilder, type SparseRows } from './sparse-rows.js';
import { charNgrams, labelKey, wordBigrams, words } from './text-tokens.js';

/**
 * How a record becomes a feature row; saved in `meta.json`, so that prediction reads records exactly as
 * training did. Features are hashed (no vocabulary to keep), weighted by TF-IDF with log term counts, and
 * each group is scaled to unit length, so a long description does not drown the name and a group left
 * out (a target being predicted) does not rescale the rest.
 */
export interface FeatureSpec {
  hashBits: number;
  /** Character n-gram lengths of the name, inclusive. */
  charNgrams: readonly [number, number];
  /** Observed values below this confidence are not read. */
  minConfidence: number;
  /** Attributes read besides name and description (sorted); attributes first met later are ignored. */
  attributes: readonly string[];
  /** Target attributes, each its own group so that it can be left out when it is the one predicted. */
  targetAttributes: readonly string[];
  /** Inverse document frequency per column, from the training split. */
  idf: Float32Array;
}

export const GROUP_NAME_WORDS = 0;
export const GROUP_NAME_CHARS = 1;
export const GROUP_DESCRIPTION = 2;
export const GROUP_ATTRIBUTES = 3;
/** Target attribute i's group is `FIRST_TARGET_GROUP + i`. */
export const FIRST_TARGET_GROUP = 4;

export const DEFAULT_CHAR_NGRAMS: readonly [number, number] = Object.freeze([3, 5] as const);
const TEXT_ATTRIBUTES = new Set(['name', 'description']);
/** Identifier prefixes: a GS1 company prefix (6-10 digits) names the brand owner; SKUs often start with a brand code. */
const PREFIX_LENGTHS = [3, 5, 7, 9];
const IDENTIFIER = /^[\p{L}\p{N}][\p{L}\p{N}._\-/]{3,63}$/u;
const NUMBER = /^-?\d+(?:\.\d+)?$/;
/** A list attribute (tags, colours) reads at most this many elements. */
const MAX_LIST_ITEMS = 20;
const MAX_VALUE_CHARS = 120;

export function groupCount(spec: Pick<FeatureSpec, 'targetAttributes'>): number {
  return FIRST_TARGET_GROUP + spec.targetAttributes.length;
}

/** The attributes a spec reads: every attribute some record has, minus name and description. */
export function featureAttributes(records: readonly { attributes: RecordAttributes }[]): string[] {
  const seen = new Set<string>();
  for (const record of records)
    for (const key of Object.keys(record.attributes)) if (!TEXT_ATTRIBUTES.has(key)) seen.add(key);
  return [...seen].sort();
}

export interface FeaturizeOptions {
  /** Only the name and description groups (the masked text of training rows). */
  textOnly?: boolean;
  /** Words left out of row i's name and description, as if its page had not said them. */
  maskWords?: (row: number) => ReadonlySet<string> | null;
}

/**
 * Raw rows: signed, log-scaled term counts per hashed column and group (`1 + ln(count)`). `weighRows`
 * turns them into the model's input once the IDF is known.
 */
export function featurizeRecords(
  records: readonly { attributes: RecordAttributes }[],
  spec: Omit<FeatureSpec, 'idf'>,
  options: FeaturizeOptions = {},
): SparseRows {
  const builder = new SparseRowsBuilder(2 ** spec.hashBits);
  const targetGroup = new Map(spec.targetAttributes.map((a, i) => [a, FIRST_TARGET_GROUP + i]));
  const counts = new Map<number, number>();
  for (const [row, record] of records.entries()) {
    const mask = options.maskWords?.(row) ?? null;
    const readable = (text: string): string[] => {
      const tokens = words(text);
      return mask === null ? tokens : tokens.filter((token) => !mask.has(token));
    };
    let group = 0;
    const emit = (feature: string): void => {
      const { column, sign } = hashedColumn(feature, spec.hashBits);
      // Column and group packed in one key: a column may occur in two groups of one row.
      const key = column * 256 + group;
      counts.set(key, (counts.get(key) ?? 0) + sign);
    };
    const flush = (): void => {
      for (const [key, total] of counts) {
        if (total === 0) continue;
        builder.add(Math.floor(key / 256), Math.sign(total) * (1 + Math.log(Math.abs(total))), key % 256);
      }
      counts.clear();
    };

    const name = observedValue(record.attributes.name, spec.minConfidence);
    if (typeof name === 'string') {
      const tokens = readable(name);
      group = GROUP_NAME_WORDS;
      for (const token of tokens) emit(`n\u0001${token}`);
      for (const bigram of wordBigrams(tokens)) emit(`nb\u0001${bigram}`);
      flush();
      group = GROUP_NAME_CHARS;
      for (const gram of charNgrams(tokens, spec.charNgrams[0], spec.charNgrams[1])) emit(`nc\u0001${gram}`);
      flush();
    }
    const description = observedValue(record.attributes.description, spec.minConfidence);
    if (typeof description === 'string') {
      group = GROUP_DESCRIPTION;
      for (const token of readable(description)) emit(`d\u0001${token}`);
      flush();
    }
    for (const attribute of options.textOnly ? [] : spec.attributes) {
      const value = observedValue(record.attributes[attribute], spec.minConfidence);
      if (value === undefined) continue;
      group = targetGroup.get(attribute) ?? GROUP_ATTRIBUTES;
      for (const feature of attributeFeatures(attribute, value)) emit(feature);
      flush();
    }
    builder.endRow();
  }
  return builder.build();
}

/**
 * One attribute's features: its value one-hot (hashed), plus what generalises: the words of a
 * multi-word value, the prefixes of an identifier, every level of a category path, a log bucket of a
 * number.
 */
export function attributeFeatures(attribute: string, value: unknown): string[] {
  const features: string[] = [];
  const at = `a\u0001${attribute}`;
  if (isCategoryAttribute(attribute)) {
    const path = categoryPath(value);
    if (!path) return features;
    const keys = path.map(labelKey);
    keys.forEach((key, level) => features.push(`${at}[${level}]=${key}`));
    features.push(`${at}=${keys.join(' > ')}`);
    return features;
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    features.push(`${at}#${Math.round(Math.log2(1 + Math.abs(value)) * 2)}`);
    return features;
  }
  if (typeof value === 'boolean') {
    features.push(`${at}=${String(value)}`);
    return features;
  }
  if (Array.isArray(value)) {
    for (const item of value.slice(0, MAX_LIST_ITEMS))
      if (typeof item === 'string' && item.trim() !== '') features.push(`${at}[]=${labelKey(item)}`);
    return features;
  }
  if (typeof value !== 'string') return features;
  const text = labelKey(value).slice(0, MAX_VALUE_CHARS);
  if (NUMBER.test(text)) {
    features.push(`${at}#${Math.round(Math.log2(1 + Math.abs(Number(text))) * 2)}`);
    return features;
  }
  features.push(`${at}=${text}`);
  if (IDENTIFIER.test(text)) {
    for (const length of PREFIX_LENGTHS)
      if (text.length > length) features.push(`${at}^${text.slice(0, length)}`);
    const [head] = text.split(/[._\-/]/);
    if (head !== undefined && head !== text) features.push(`${at}^^${head}`);
  } else {
    const tokens = words(text);
    if (tokens.length > 1) for (const token of tokens) features.push(`${at}~${token}`);
  }
  return features;
}

/** Smoothed IDF over the rows flagged in `fitRows` (the training split): `ln((1 + n) / (1 + df)) + 1`. */
export function fitIdf(rows: SparseRows, fitRows: Uint8Array): Float32Array {
  const df = new Float64Array(rows.columnCount);
  let n = 0;
  const lastRow = new Int32Array(rows.columnCount).fill(-1);
  for (let row = 0; row < rows.rowCount; row++) {
    if (fitRows[row] !== 1) continue;
    n++;
    for (let k = rows.offsets[row]!; k < rows.offsets[row + 1]!; k++) {
      const column = rows.columns[k]!;
      if (lastRow[column] === row) continue;
      lastRow[column] = row;
      df[column]!++;
    }
  }
  const idf = new Float32Array(rows.columnCount);
  for (let column = 0; column < idf.length; column++) idf[column] = Math.log((1 + n) / (1 + df[column]!)) + 1;
  return idf;
}

/** In place: multiply by the IDF, then scale each group of each row to unit length. */
export function weighRows(rows: SparseRows, idf: Float32Array): void {
  const norms = new Float64Array(256);
  for (let row = 0; row < rows.rowCount; row++) {
    const start = rows.offsets[row]!;
    const end = rows.offsets[row + 1]!;
    norms.fill(0);
    for (let k = start; k < end; k++) {
      const value = rows.values[k]! * idf[rows.columns[k]!]!;
      rows.values[k] = value;
      norms[rows.groups[k]!]! += value * value;
    }
    for (let k = start; k < end; k++) {
      const norm = Math.sqrt(norms[rows.groups[k]!]!);
      if (norm > 0) rows.values[k] = rows.values[k]! / norm;
    }
  }
}
