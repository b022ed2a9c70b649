import { InvalidInputError } from '../core/index.js';
import { ArticleGenerator } from './article-generator.js';
import { CATEGORY_TREE } from './category-tree.js';
import type { DemoBrand, DemoCatalog, DemoCategory, DemoProduct } from './catalog-types.js';
import { ProductGenerator, quirkFor, type LeafPlacement } from './product-generator.js';
import { Random } from './random.js';
import { slugify } from './text.js';

export interface DemoCatalogOptions {
  /** Product pages, variants included. @default 800 */
  products?: number;
  /** @default 150 */
  articles?: number;
  /** @default 42 */
  seed?: number;
}

/** The limits of the options, in one place: beyond them the site would take too long to build or crawl. */
export const DEMO_CATALOG_LIMITS = { maxProducts: 200_000, maxArticles: 50_000 } as const;
const PRODUCTS_PER_PAGE = 12;
const ARTICLES_PER_PAGE = 10;
const FEATURED_PRODUCTS = 12;

function wholeNumber(field: string, value: number | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new InvalidInputError(field, `demo ${field} must be a whole number from 0 to ${max}, got ${value}`);
  }
  return value;
}

/**
 * The whole demo catalog from a seed: pure and deterministic (same options, same catalog, byte for
 * byte), holding no host or port so that it can be built before the server listens.
 */
export function buildDemoCatalog(options: DemoCatalogOptions = {}): DemoCatalog {
  const productCount = wholeNumber('products', options.products, 800, DEMO_CATALOG_LIMITS.maxProducts);
  const articleCount = wholeNumber('articles', options.articles, 150, DEMO_CATALOG_LIMITS.maxArticles);
  const seed = options.seed ?? 42;
  if (!Number.isSafeInteger(seed))
    throw new InvalidInputError('seed', `demo seed must be an integer, got ${seed}`);

  const { categories, leaves } = buildCategories();
  const categoriesById = new Map(categories.map((c) => [c.id, c]));

  const products = new ProductGenerator(Random.derive(seed, 'products'), leaves).generate(productCount);
  const productsById = new Map(products.map((p) => [p.id, p]));
  const parents = products.filter((p) => p.variantOf === null);
  assignQuirks(parents);
  linkRelated(parents);

  for (const category of [...categories].reverse()) {
    category.productIds = category.leaf
      ? parents.filter((p) => p.categoryId === category.id).map((p) => p.id)
      : category.childIds.flatMap((id) => categoriesById.get(id)!.productIds);
    category.pageCount = category.leaf
      ? Math.max(1, Math.ceil(category.productIds.length / PRODUCTS_PER_PAGE))
      : 1;
  }

  const articles = new ArticleGenerator(Random.derive(seed, 'articles'), leaves).generate(articleCount);
  const linkRandom = Random.derive(seed, 'article-links');
  for (const article of articles) {
    const candidates = categoriesById.get(article.categoryId)!.productIds;
    article.relatedProductIds = linkRandom.sample(candidates, linkRandom.int(2, 3));
  }

  return {
    seed,
    products,
    productsById,
    articles,
    categories,
    categoriesById,
    brands: buildBrands(parents),
    featuredProductIds: Random.derive(seed, 'featured')
      .sample(parents, FEATURED_PRODUCTS)
      .map((p) => p.id),
    productsPerPage: PRODUCTS_PER_PAGE,
    articlesPerPage: ARTICLES_PER_PAGE,
    blogPageCount: Math.max(1, Math.ceil(articles.length / ARTICLES_PER_PAGE)),
  };
}

function buildCategories(): { categories: DemoCategory[]; leaves: LeafPlacement[] } {
  const categories: DemoCategory[] = [];
  const leaves: LeafPlacement[] = [];
  const add = (name: string, trail: string[], parent: DemoCategory | null): DemoCategory => {
    const slug = slugify(name);
    const category: DemoCategory = {
      id: `c${categories.length + 1}`,
      slug,
      name,
      path: `/category/${slug}`,
      trail,
      level: trail.length as 1 | 2 | 3,
      parentId: parent?.id ?? null,
      childIds: [],
      leaf: null,
      productIds: [],
      pageCount: 1,
    };
    categories.push(category);
    parent?.childIds.push(category.id);
    return category;
  };
  for (const top of CATEGORY_TREE) {
    const topCategory = add(top.name, [top.name], null);
    for (const branch of top.children) {
      const branchCategory = add(branch.name, [top.name, branch.name], topCategory);
      for (const leaf of branch.children) {
        const leafCategory = add(leaf.name, [top.name, branch.name, leaf.name], branchCategory);
        leafCategory.leaf = leaf;
        leaves.push({ categoryId: leafCategory.id, trail: leafCategory.trail, leaf, brands: top.brands });
      }
    }
  }
  return { categories, leaves };
}

/**
 * A few json-ld parents carry a flawed block. Variants were copied from their parent before this runs,
 * so they stay clean and each flaw is met once.
 */
function assignQuirks(parents: DemoProduct[]): void {
  let jsonLdIndex = 0;
  for (const parent of parents) if (parent.markup === 'json-ld') parent.jsonLdQuirk = quirkFor(jsonLdIndex++);
}

/** Up to four other parents of the same leaf, the next ones in catalog order, wrapping around. */
function linkRelated(parents: DemoProduct[]): void {
  const byLeaf = new Map<string, DemoProduct[]>();
  for (const parent of parents) {
    const group = byLeaf.get(parent.categoryId);
    if (group) group.push(parent);
    else byLeaf.set(parent.categoryId, [parent]);
  }
  for (const group of byLeaf.values()) {
    group.forEach((product, i) => {
      const others = Math.min(4, group.length - 1);
      product.relatedIds = Array.from({ length: others }, (_, k) => group[(i + k + 1) % group.length]!.id);
    });
  }
}

function buildBrands(parents: DemoProduct[]): DemoBrand[] {
  const names = [...new Set(CATEGORY_TREE.flatMap((top) => top.brands))].sort();
  return names.map((name) => {
    const slug = slugify(name);
    return {
      name,
      slug,
      path: `/brand/${slug}`,
      productIds: parents.filter((p) => p.brand === name && p.shown.brand).map((p) => p.id),
    };
  });
}
