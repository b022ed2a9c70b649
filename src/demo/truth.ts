import type { DemoCatalog, DemoProduct } from './catalog-types.js';
import { labTruth } from './lab-pages.js';
import type { SiteRoutes } from './site-routes.js';
import type { DemoProductTruth, DemoTruth } from './types.js';

/** The ground truth of a running site, read from the same catalog and route table the server answers from. */
export function buildDemoTruth(catalog: DemoCatalog, site: SiteRoutes, origin: string): DemoTruth {
  const reachablePaths: string[] = [];
  const disallowedPaths: string[] = [];
  for (const [path, route] of site.routes) {
    if (route.type === 'page' && route.linked) reachablePaths.push(path);
    if (route.type === 'private') disallowedPaths.push(path);
  }
  return {
    products: catalog.products.map((product) => productTruth(product, origin)),
    articles: catalog.articles.map(({ path, title, author, publishedAt }) => ({
      path,
      title,
      author,
      publishedAt,
    })),
    reachablePaths: reachablePaths.sort(),
    badPages: site.badPages.map((bad) => ({ ...bad })),
    disallowedPaths: disallowedPaths.sort(),
    lab: labTruth(catalog, origin),
  };
}

function productTruth(product: DemoProduct, origin: string): DemoProductTruth {
  const truth: DemoProductTruth = {
    path: product.path,
    id: product.id,
    sku: product.sku,
    name: product.name,
    brand: product.brand,
    category: [...product.category],
    price: product.price,
    currency: product.currency,
    availability: product.availability,
    gtin13: product.gtin13,
    description: product.description,
    imageUrl: `${origin}${product.imagePath}`,
    markup: product.markup,
    shown: { ...product.shown },
  };
  if (product.variantOf !== null) truth.variantOf = product.variantOf;
  if (product.jsonLdQuirk !== null) truth.jsonLdQuirk = product.jsonLdQuirk;
  return truth;
}
