/**
 * The hashing trick: a feature string goes to one of 2^bits columns with a sign, so that the model needs
 * no vocabulary (a topic's words are not known in advance, and a vocabulary of every char n-gram would
 * grow with the data). The sign keeps colliding features from adding up in one direction (scikit-learn's
 * `HashingVectorizer(alternate_sign=True)` does the same).
 *
 * FNV-1a over UTF-16 code units, then MurmurHash3's finalizer: FNV alone mixes the low bits poorly, and
 * the column is taken from the low bits.
 */
export function hash32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Column in [0, 2^bits) and sign (+1/−1, from the top bit, which the column never uses for bits < 32). */
export function hashedColumn(feature: string, bits: number): { column: number; sign: 1 | -1 } {
  const h = hash32(feature);
  return { column: h & ((1 << bits) - 1), sign: h >>> 31 === 1 ? -1 : 1 };
}

/** A number in [0, 1) from a text and a seed: the held-out split and other seeded draws. */
export function unitHash(text: string, seed: number): number {
  return hash32(text, hash32(String(seed))) / 4294967296;
}
