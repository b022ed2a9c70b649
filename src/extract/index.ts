export { extractPage, type ExtractOptions } from './extract-page.js';
export { compileSelectors, MAX_SELECTORS, type CompiledSelectors } from './selectors.js';
export {
  evaluatePageMetadata,
  scoreMetadata,
  metadataMetrics,
  METADATA_FIELDS,
  type FieldAccuracy,
  type MetadataAccuracy,
  type MetadataField,
  type MetadataMiss,
  type PageMetadataCase,
} from './metadata-accuracy.js';
export { extractArticle, extractArticleText, type ArticleFacts } from './article.js';
export { aggregateScores, scorePage, type PageScore, type ShingleScores } from './shingle-f1.js';
export { ExtractionPool, type ExtractionPoolOptions } from './extraction-pool.js';
export {
  extractStructuredData,
  extractStructuredDataFromPage,
  type StructuredDataOptions,
} from './structured-data.js';
export { createStructuredDataScan, type StructuredDataScan } from './structured-data-scan.js';
export { parsePage, type ParsedPage } from './parsed-page.js';
export { extractProductFacts, type ProductFactsOptions, type ProductMarkupInput } from './product-facts.js';
export {
  PRODUCT_FIELDS,
  SOURCE_CONFIDENCE,
  type BreadcrumbTrail,
  type ProductCandidate,
  type ProductFacts,
  type ProductField,
  type ProductSource,
} from './product-facts-types.js';
export { htmlFragmentText } from './html-fragment.js';
export {
  SYNTAXES,
  type Syntax,
  type StructuredData,
  type JsonValue,
  type JsonObject,
  type MicrodataItem,
  type RdfaNode,
  type MicroformatItem,
  type DublinCoreItem,
  type DublinCoreEntry,
} from './structured-data-types.js';
export type {
  PageFacts,
  PageMetadata,
  Article,
  OpenGraphItem,
  JsonLdError,
  Heading,
  PageLink,
  PageImage,
  AltState,
} from './page-facts.js';
