/**
 * The evaluation families by name, in the order `gleaner eval --help` lists them: known without loading
 * the evaluations themselves (structured-data's brings jsonld, occupations' the semantic index).
 * `EVAL_FAMILIES` in index.ts holds one family for each (a test checks that they agree).
 */
export const EVAL_FAMILY_NAMES = [
  'structured-data',
  'page-metadata',
  'articles',
  'prices',
  'product-pages',
  'occupations',
] as const;
