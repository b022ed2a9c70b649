import { InvalidInputError } from '../../core/index.js';

/**
 * Short texts (labels, job titles, product types) → hashed features: character n-grams of each word with
 * its boundaries marked (scikit-learn's `char_wb` analyzer: `" nurse "` gives `" n"`, `"nu"`, …, `"se "`),
 * so that inflections and typos still share most of their features, plus the whole words, so that a
 * shared word counts more than shared letters. Features are 32-bit hashes of their strings: no vocabulary
 * to ship, and a text never seen before still has features.
 */
export interface TextFeatureOptions {
  /** Shortest character n-gram. @default 2 */
  minN?: number;
  /** Longest character n-gram. @default 4 */
  maxN?: number;
  /** Add each word (and its singular, for English plurals) as a feature of its own. @default true */
  words?: boolean;
}

export type ResolvedTextFeatureOptions = Required<TextFeatureOptions>;

export const TEXT_FEATURE_DEFAULTS: ResolvedTextFeatureOptions = Object.freeze({
  minN: 2,
  maxN: 4,
  words: true,
});

/** Lower case, accents removed, anything but letters, digits, `+` and `#` a word break (`C++`, `C#` survive). */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim();
}

export function words(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized === '' ? [] : normalized.split(' ');
}

/**
 * The singular of a regular English plural (`nurses` → `nurse`, `secretaries` → `secretary`), else the
 * word. Deliberately light: job-title lists write plurals ("Registered Nurses") where vocabularies write
 * singulars, and a wrong strip only adds one weak feature beside the word's own.
 */
export function singular(word: string): string {
  if (
    word.length <= 3 ||
    !word.endsWith('s') ||
    word.endsWith('ss') ||
    word.endsWith('us') ||
    word.endsWith('is')
  )
    return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ches|shes|xes|sses|zes)$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/** The features of a text: feature hash → count. */
export function textFeatures(
  text: string,
  options: ResolvedTextFeatureOptions = TEXT_FEATURE_DEFAULTS,
): Map<number, number> {
  const counts = new Map<number, number>();
  const add = (h: number) => counts.set(h, (counts.get(h) ?? 0) + 1);
  for (const word of words(text)) {
    const padded = ` ${word} `;
    // Hash each n-gram by extending the FNV state of the (n-1)-gram at the same start: no substrings.
    for (let at = 0; at + options.minN <= padded.length; at++) {
      let h = FNV_OFFSET;
      for (let n = 1; n <= options.maxN && at + n <= padded.length; n++) {
        h = Math.imul(h ^ padded.charCodeAt(at + n - 1), FNV_PRIME);
        if (n >= options.minN) add(finalize(h));
      }
    }
    if (options.words) {
      add(featureHash(`w:${word}`));
      const stem = singular(word);
      if (stem !== word) add(featureHash(`w:${stem}`));
    }
  }
  return counts;
}

/** Check options given by a caller, naming the bad one. */
export function resolveTextFeatureOptions(options: TextFeatureOptions = {}): ResolvedTextFeatureOptions {
  const resolved = { ...TEXT_FEATURE_DEFAULTS, ...options };
  if (
    !Number.isInteger(resolved.minN) ||
    resolved.minN < 1 ||
    resolved.maxN < resolved.minN ||
    resolved.maxN > 8
  )
    throw new InvalidInputError(
      'features',
      `character n-grams from ${resolved.minN} to ${resolved.maxN}: use whole numbers with 1 ≤ minN ≤ maxN ≤ 8`,
    );
  return Object.freeze(resolved);
}

/**
 * FNV-1a over UTF-16 code units, then MurmurHash3's finalizer: FNV alone mixes the low bits poorly, and
 * the hashed embedder takes its column from them.
 */
export function featureHash(feature: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < feature.length; i++) h = Math.imul(h ^ feature.charCodeAt(i), FNV_PRIME);
  return finalize(h);
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function finalize(state: number): number {
  let h = state;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
