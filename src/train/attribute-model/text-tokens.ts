/**
 * Words and character n-grams of product text. Names are short and full of model codes, brand names and
 * product types that come in variants (`Headphones`, `Headphone`, `headphones,`), so the name gets word
 * unigrams, word bigrams and character n-grams inside word boundaries (scikit-learn's `char_wb`);
 * descriptions are long, so they get word unigrams only.
 */

/** Text beyond this is not read: a description pasted with a whole page must not cost a page's worth. */
export const MAX_TEXT_CHARS = 4_000;
const WORD = /[\p{L}\p{N}]+/gu;

export function words(text: string): string[] {
  const folded = text.slice(0, MAX_TEXT_CHARS).normalize('NFKC').toLowerCase();
  return folded.match(WORD) ?? [];
}

export function wordBigrams(tokens: readonly string[]): string[] {
  const bigrams: string[] = [];
  for (let i = 1; i < tokens.length; i++) bigrams.push(`${tokens[i - 1]} ${tokens[i]}`);
  return bigrams;
}

/** N-grams of each word padded with a space on both sides, for n from `min` to `max`. */
export function charNgrams(tokens: readonly string[], min: number, max: number): string[] {
  const grams: string[] = [];
  for (const token of tokens) {
    const padded = ` ${token} `;
    for (let n = min; n <= max; n++) {
      if (padded.length < n) break;
      for (let i = 0; i + n <= padded.length; i++) grams.push(padded.slice(i, i + n));
    }
  }
  return grams;
}

/** Case-folded, spaces collapsed: `'  ACME  Audio'` and `'Acme Audio'` are one label. */
export function labelKey(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}
