// Training records as the product pipeline would make them from the demo shop's pages, built straight from
// the catalog (no crawl), with the truth beside them. Shared by the attribute-model tests and its
// benchmark (bench/attribute-model.ts).
import type { RecordAttributes } from '../../src/datasets/index.js';
import type { DemoCatalog, DemoProduct } from '../../src/demo/index.js';
import type { AttributeModelRecord } from '../../src/train/index.js';

export interface DemoRecordOptions {
  /**
   * Take the brand out of every name and description too. The demo names read `<Brand> <Type> <Model>`,
   * so with the brand in the name, learning the brand is mostly reading it: this is the harder variant.
   * @default false
   */
  brandOutOfText?: boolean;
  /** Leave out SKU and GTIN: the SKU starts with a brand code and the GTIN with the brand's GS1 prefix. @default false */
  withoutIdentifiers?: boolean;
}

export interface DemoRecordTruth {
  brand: string;
  category: string[];
}

/** Confidence and source of a value, by the markup its page carries. */
const SOURCES = {
  'json-ld': { source: 'json-ld', confidence: 0.95 },
  microdata: { source: 'microdata', confidence: 0.9 },
  none: { source: 'visible', confidence: 0.7 },
} as const;

/**
 * One record per product page. A value the page does not state is missing from the record, as it
 * would be after extraction: brand (15% of the parents hide it, and then their names and descriptions
 * do not say it either), category (15%), GTIN (25%). Variants carry their colour or size.
 */
export function demoProductRecords(
  catalog: DemoCatalog,
  options: DemoRecordOptions = {},
): { records: AttributeModelRecord[]; truth: Map<string, DemoRecordTruth> } {
  const records: AttributeModelRecord[] = [];
  const truth = new Map<string, DemoRecordTruth>();
  for (const product of catalog.products) {
    const { source, confidence } = SOURCES[product.markup];
    const value = (v: unknown, c: number = confidence, s: string = source) => ({
      value: v,
      confidence: c,
      source: s,
    });
    const text = (t: string) => (options.brandOutOfText ? withoutBrand(t, product.brand) : t);
    const attributes: RecordAttributes = {
      name: value(text(product.name)),
      description: value(text(product.description), 0.8, 'visible'),
      price: value(product.price),
      currency: value(product.currency),
      availability: value(product.availability),
    };
    if (!options.withoutIdentifiers) {
      attributes.sku = value(product.sku);
      if (product.shown.gtin) attributes.gtin = value(product.gtin13);
    }
    if (product.shown.brand) attributes.brand = value(product.brand);
    if (product.shown.category) attributes.category = value([...product.category], 0.9, 'breadcrumb');
    const variant = variantAttribute(catalog, product);
    if (variant) attributes[variant.attribute] = value(variant.value);
    records.push({ id: product.id, attributes });
    truth.set(product.id, { brand: product.brand, category: [...product.category] });
  }
  return { records, truth };
}

function variantAttribute(
  catalog: DemoCatalog,
  product: DemoProduct,
): { attribute: string; value: string } | null {
  if (product.variantLabel === null) return null;
  const axis = catalog.categoriesById.get(product.categoryId)?.leaf?.variants.axis;
  return { attribute: axis === 'size' ? 'size' : 'color', value: product.variantLabel };
}

function withoutBrand(text: string, brand: string): string {
  const escaped = brand.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text
    .replace(new RegExp(`\\b${escaped}\\b`, 'gi'), ' ')
    .replace(/\s+/g, ' ')
    .replace(/ ([,.])/g, '$1')
    .trim();
}
