export { startDemoSite } from './server.js';
export { buildDemoCatalog, DEMO_CATALOG_LIMITS, type DemoCatalogOptions } from './catalog.js';
export type {
  DemoCatalog,
  DemoCategory,
  DemoProduct,
  DemoArticle,
  DemoArticleSection,
  DemoBrand,
  DemoReview,
} from './catalog-types.js';
export type { LeafSpec as DemoLeafSpec, VariantAxis as DemoVariantAxis } from './category-tree.js';
export type {
  DemoSiteOptions,
  DemoSite,
  DemoTruth,
  DemoProductTruth,
  DemoArticleTruth,
  DemoBadPage,
  DemoBadPageKind,
  DemoAvailability,
  DemoMarkup,
  DemoJsonLdQuirk,
  DemoLabTruth,
  DemoImpact,
} from './types.js';
