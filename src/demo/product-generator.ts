import type { LeafSpec } from './category-tree.js';
import type { DemoProduct } from './catalog-types.js';
import { gtinCheckDigit } from './gtin.js';
import { toDecimalPrice } from './money.js';
import type { Random } from './random.js';
import { productDescription, productReviews } from './product-text.js';
import { slugify } from './text.js';
import type { DemoJsonLdQuirk } from './types.js';

/** A leaf of the tree as the generator needs it: where it sits, and which brands sell there. */
export interface LeafPlacement {
  categoryId: string;
  trail: string[];
  leaf: LeafSpec;
  brands: readonly string[];
}

/** Share of parent products that come in colours or sizes, each a page of its own. */
const VARIANT_SHARE = 0.12;
const MODEL_WORDS = [
  'Pro',
  'Air',
  'Max',
  'Lite',
  'Studio',
  'Go',
  'Edge',
  'Core',
  'Plus',
  'One',
  'Flex',
  'Aero',
];
// GS1 prefixes of real member organisations (US, Germany, UK, France, Netherlands, Italy, Switzerland).
const GS1_PREFIXES = ['00', '03', '400', '401', '409', '50', '30', '87', '80', '76'];

/**
 * Generates `count` product pages, parents each followed by their variants. Every product gets true
 * values for all attributes; which of them the page states is decided here too (`shown`, `markup`).
 */
export class ProductGenerator {
  readonly #random: Random;
  readonly #leaves: readonly LeafPlacement[];
  // Slugs, not names, must be unique: two names can differ only in punctuation.
  readonly #slugs = new Set<string>();
  readonly #skus = new Set<string>();
  readonly #companyPrefixes = new Map<string, { prefix: string; next: number }>();
  #nextId = 10001;

  constructor(random: Random, leaves: readonly LeafPlacement[]) {
    this.#random = random;
    this.#leaves = leaves;
  }

  generate(count: number): DemoProduct[] {
    const products: DemoProduct[] = [];
    while (products.length < count) {
      const parent = this.#parent(this.#random.pick(this.#leaves));
      products.push(parent);
      const room = count - products.length;
      if (room > 0 && this.#random.chance(VARIANT_SHARE)) {
        const values = this.#variantValues(parent, Math.min(room, this.#random.int(2, 3)));
        for (const value of values) {
          const variant = this.#variant(parent, value, values.indexOf(value));
          parent.variantIds.push(variant.id);
          products.push(variant);
        }
      }
    }
    return products;
  }

  #parent(place: LeafPlacement): DemoProduct {
    const r = this.#random;
    const brand = r.pick(place.brands);
    const type = r.pick(place.leaf.types);
    const shown = { brand: r.chance(0.85), gtin: r.chance(0.75), category: r.chance(0.85) };
    let model = this.#modelCode(type);
    let name = shown.brand ? `${brand} ${type} ${model}` : `${type} ${model}`;
    while (this.#slugs.has(slugify(name))) {
      model = this.#modelCode(type);
      name = shown.brand ? `${brand} ${type} ${model}` : `${type} ${model}`;
    }
    this.#slugs.add(slugify(name));
    const id = String(this.#nextId++);
    const currency = r.weighted([
      ['USD', 70],
      ['EUR', 20],
      ['GBP', 10],
    ] as const);
    const markup = r.weighted([
      ['json-ld', 40],
      ['microdata', 30],
      ['none', 30],
    ] as const);
    const [low, high] = place.leaf.priceRange;
    // Squaring skews prices towards the cheap end of the range, as in real catalogs.
    const units = Math.round(low + (high - low) * r.next() ** 2);
    const slug = slugify(name);
    return {
      id,
      slug,
      path: `/product/${slug}`,
      sku: this.#uniqueSku(
        `${slugify(brand).replace(/-/g, '').slice(0, 3).toUpperCase()}-${slugify(model).replace(/-/g, '').toUpperCase()}`,
      ),
      name,
      brand,
      brandSlug: slugify(brand),
      categoryId: place.categoryId,
      category: place.trail,
      type,
      price: toDecimalPrice(units, r.pick([99, 0, 49, 95])),
      currency,
      priceStyle: currency === 'EUR' && r.chance(0.5) ? 'symbol-last' : 'symbol-first',
      availability: r.weighted([
        ['InStock', 75],
        ['OutOfStock', 15],
        ['PreOrder', 10],
      ] as const),
      gtin13: this.#gtin(brand),
      description: productDescription(r, place.leaf, type, shown.brand ? `${brand} ${model}` : model),
      imagePath: `/images/products/${id}.jpg`,
      imageAlt: r.weighted([
        ['text', 70],
        ['empty', 15],
        ['missing', 15],
      ] as const),
      markup,
      shown,
      variantOf: null,
      variantLabel: null,
      variantIds: [],
      jsonLdQuirk: null,
      structuredBreadcrumb: shown.category && markup !== 'none' && r.chance(0.6),
      priceAsNumber: r.chance(0.3),
      linksFullImage: r.chance(0.1),
      reviews: productReviews(r, place.leaf, type),
      relatedIds: [],
    };
  }

  #variant(parent: DemoProduct, value: string, index: number): DemoProduct {
    const r = this.#random;
    const id = String(this.#nextId++);
    const name = `${parent.name}, ${value}`;
    const slug = slugify(name);
    this.#slugs.add(slug);
    const [units = '0', cents = '00'] = parent.price.split('.');
    // Larger sizes cost a little more; colours cost the same.
    const axis = this.#leafOf(parent).variants.axis;
    const price = axis === 'size' ? toDecimalPrice(Number(units) + index * 10, Number(cents)) : parent.price;
    return {
      ...parent,
      id,
      slug,
      path: `/product/${slug}`,
      sku: this.#uniqueSku(`${parent.sku}-${slugify(value).replace(/-/g, '').toUpperCase().slice(0, 8)}`),
      name,
      price,
      availability: r.weighted([
        ['InStock', 70],
        ['OutOfStock', 20],
        ['PreOrder', 10],
      ] as const),
      gtin13: this.#gtin(parent.brand),
      description: `${parent.description} This version: ${axis === 'size' ? `size ${value}` : value.toLowerCase()}.`,
      imagePath: `/images/products/${id}.jpg`,
      variantOf: parent.id,
      variantLabel: value,
      variantIds: [],
      linksFullImage: false,
      reviews: [],
    };
  }

  /** Two brands can share a code and one brand a model across types: number the repeats. */
  #uniqueSku(base: string): string {
    let sku = base;
    for (let n = 2; this.#skus.has(sku); n++) sku = `${base}-${n}`;
    this.#skus.add(sku);
    return sku;
  }

  #variantValues(parent: DemoProduct, count: number): string[] {
    return this.#random.sample(this.#leafOf(parent).variants.values, count);
  }

  #leafOf(product: DemoProduct): LeafSpec {
    return this.#leaves.find((place) => place.categoryId === product.categoryId)!.leaf;
  }

  #modelCode(type: string): string {
    const r = this.#random;
    const initials = type
      .split(/[\s-]+/)
      .map((word) => word.charAt(0).toUpperCase())
      .join('')
      .slice(0, 2);
    return r.weighted<() => string>([
      [() => `${initials}-${r.int(100, 990)}`, 3],
      [() => `${r.pick(MODEL_WORDS)} ${r.int(2, 9)}`, 2],
      [() => `${String.fromCharCode(65 + r.int(0, 25))}${r.int(10, 99)}`, 2],
      [() => r.sample(MODEL_WORDS, 2).join(' '), 1],
    ])();
  }

  /** Each brand has its own GS1 company prefix; items count up from a random start, so GTINs never repeat. */
  #gtin(brand: string): string {
    let company = this.#companyPrefixes.get(brand);
    if (!company) {
      let prefix = '';
      const taken = new Set([...this.#companyPrefixes.values()].map((c) => c.prefix));
      while (prefix === '' || taken.has(prefix)) {
        prefix = this.#random.pick(GS1_PREFIXES);
        while (prefix.length < 7) prefix += String(this.#random.int(0, 9));
      }
      company = { prefix, next: this.#random.int(0, 20000) };
      this.#companyPrefixes.set(brand, company);
    }
    const first12 = company.prefix + String(company.next++ % 100000).padStart(5, '0');
    return first12 + String(gtinCheckDigit(first12));
  }
}

/** Which json-ld parents carry a deliberate flaw: a few, spread out, and at least one of each once there are 34. */
export function quirkFor(jsonLdIndex: number): DemoJsonLdQuirk | null {
  switch (jsonLdIndex % 50) {
    case 0:
      return 'invalid-extra-block';
    case 17:
      return 'comment';
    case 33:
      return 'control-characters';
    default:
      return null;
  }
}
