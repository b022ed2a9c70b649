export { extractPage, type ExtractOptions } from './extract-page.js';
export { compileSelectors, MAX_SELECTORS, type CompiledSelectors } from './selectors.js';
export { ExtractionPool, type ExtractionPoolOptions } from './extraction-pool.js';
export type {
  PageFacts,
  PageMetadata,
  OpenGraphItem,
  JsonLdError,
  Heading,
  PageLink,
  PageImage,
  AltState,
} from './page-facts.js';
