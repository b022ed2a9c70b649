import { articlesEvaluation } from './articles.js';
import type { EvalFamily } from './family.js';
import { occupationsEvaluation } from './occupations.js';
import { pageMetadataEvaluation } from './page-metadata.js';
import { pricesEvaluation } from './prices.js';
import { productPagesEvaluation } from './product-pages.js';
import { structuredDataEvaluation } from './structured-data.js';

/** The evaluation commands by family name (`gleaner eval <family> <folder>`). */
export const EVAL_FAMILIES: Readonly<Record<string, EvalFamily>> = Object.freeze({
  [structuredDataEvaluation.name]: structuredDataEvaluation,
  [pageMetadataEvaluation.name]: pageMetadataEvaluation,
  [articlesEvaluation.name]: articlesEvaluation,
  [pricesEvaluation.name]: pricesEvaluation,
  [productPagesEvaluation.name]: productPagesEvaluation,
  [occupationsEvaluation.name]: occupationsEvaluation,
});

export type { EvalFamily, EvalResult, EvalRow } from './family.js';
export { loadArticleCases, type ArticleCase } from './articles.js';
export { loadPageMetadataCases } from './page-metadata.js';
export {
  loadStructuredDataCases,
  checkStructuredDataCase,
  type StructuredDataCase,
} from './structured-data.js';
export { loadPriceCases, scorePrices, sameDecimal, type PriceCase, type PriceScores } from './prices.js';
export {
  loadProductPageCases,
  predictProductPage,
  scoreProductPages,
  halfOf,
  MIN_CONFIDENCE,
  type ProductPageCase,
  type ProductPageScores,
  type ProductPrediction,
} from './product-pages.js';
