import type { DemoCatalog, DemoCategory, DemoProduct } from './catalog-types.js';

/**
 * What every renderer needs: the catalog, and the origin the server listens on (known only after
 * `listen`), for canonical links, OpenGraph and structured data, which must be absolute.
 */
export class RenderContext {
  readonly catalog: DemoCatalog;
  readonly origin: string;

  constructor(catalog: DemoCatalog, origin: string) {
    this.catalog = catalog;
    this.origin = origin;
  }

  absolute(path: string): string {
    return `${this.origin}${path}`;
  }

  product(id: string): DemoProduct {
    const product = this.catalog.productsById.get(id);
    if (!product) throw new RangeError(`demo catalog has no product ${id}`);
    return product;
  }

  category(id: string): DemoCategory {
    const category = this.catalog.categoriesById.get(id);
    if (!category) throw new RangeError(`demo catalog has no category ${id}`);
    return category;
  }

  /** The categories of a trail, top first, for breadcrumbs. */
  trailOf(category: DemoCategory): DemoCategory[] {
    const trail: DemoCategory[] = [];
    for (
      let current: DemoCategory | null = category;
      current;
      current = current.parentId ? this.category(current.parentId) : null
    ) {
      trail.unshift(current);
    }
    return trail;
  }
}
