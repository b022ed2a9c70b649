import { readFile } from 'node:fs/promises';
import { InvalidInputError } from '../../core/index.js';

/** One concept of a canonical vocabulary: its key and its labels, the preferred one first. */
export interface CanonicalConcept {
  key: string;
  labels: string[];
}

/** One label of one concept: what the index holds a vector for. A concept is found by its best label. */
export interface CanonicalEntry {
  key: string;
  label: string;
  /** The concept's first label. */
  preferred: boolean;
  /** `canonical` from the vocabulary file; `feedback` for a query confirmed by a reviewer. */
  source: 'canonical' | 'feedback';
}

export interface CanonicalVocabulary {
  concepts: CanonicalConcept[];
  /** Every label of every concept, in file order. */
  entries: CanonicalEntry[];
  /** Labels left out as blank or repeated within their concept. */
  skippedLabels: number;
}

/**
 * Read a canonical vocabulary: a JSON object of concept key → labels, as any of
 * - `{ "C1": ["nurse", "registered nurse"] }`
 * - `{ "C1": { "labels": ["nurse", "registered nurse"] } }` (other fields, like `uri`, are ignored)
 * The first label is the preferred one. Every label is kept as an entry of its own; blank labels and
 * repeats within a concept are skipped (and counted), a concept without any label is an error.
 */
export async function loadCanonicalFile(path: string): Promise<CanonicalVocabulary> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InvalidInputError(
      'canonical',
      `cannot read the canonical file ${path}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError('canonical', `${path} is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return parseCanonical(json, path);
}

export function parseCanonical(json: unknown, source = 'the canonical vocabulary'): CanonicalVocabulary {
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    throw new InvalidInputError(
      'canonical',
      `${source} must be a JSON object of concept key → labels, e.g. {"C1": ["nurse", "registered nurse"]} or {"C1": {"labels": [...]}}`,
    );
  const concepts: CanonicalConcept[] = [];
  const entries: CanonicalEntry[] = [];
  let skippedLabels = 0;
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    const raw = Array.isArray(value)
      ? value
      : value !== null && typeof value === 'object' && Array.isArray((value as { labels?: unknown }).labels)
        ? (value as { labels: unknown[] }).labels
        : null;
    if (raw === null)
      throw new InvalidInputError(
        `canonical.${key}`,
        `${source}: concept "${key}" must be a list of labels or an object with a "labels" list, got ${describe(value)}`,
      );
    const labels: string[] = [];
    const seen = new Set<string>();
    raw.forEach((label, i) => {
      if (typeof label !== 'string')
        throw new InvalidInputError(
          `canonical.${key}.${i}`,
          `${source}: label ${i} of concept "${key}" must be a string, got ${describe(label)}`,
        );
      const clean = label.trim().replace(/\s+/g, ' ');
      const folded = clean.toLowerCase();
      if (clean === '' || seen.has(folded)) {
        skippedLabels++;
        return;
      }
      seen.add(folded);
      labels.push(clean);
    });
    if (labels.length === 0)
      throw new InvalidInputError(
        `canonical.${key}`,
        `${source}: concept "${key}" has no label; give it at least one`,
      );
    concepts.push({ key, labels });
    labels.forEach((label, i) => entries.push({ key, label, preferred: i === 0, source: 'canonical' }));
  }
  if (concepts.length === 0)
    throw new InvalidInputError(
      'canonical',
      `${source} holds no concepts: give at least one key with its labels`,
    );
  return { concepts, entries, skippedLabels };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object'
    ? 'an object without a "labels" list'
    : `${typeof value} ${JSON.stringify(value)}`;
}
