import type { LeafSpec } from './category-tree.js';
import type { Random } from './random.js';
import { capitalize, withArticle } from './text.js';

/**
 * Readable generated prose about one leaf category. Sentences are templates filled with the leaf's own
 * words, so an article about coffee makers talks about espresso machines and steam wands: realistic
 * enough for main-text extraction and for text classifiers, and free of any real site's copy.
 */

export interface ProseContext {
  leaf: LeafSpec;
  /** Brands of the department, for comparisons. */
  brands: readonly string[];
}

type Slots = {
  leaf: string;
  type: string;
  aType: string;
  feature: string;
  feature2: string;
  use: string;
  use2: string;
  brand: string;
  brand2: string;
};

const SENTENCES: readonly ((s: Slots) => string)[] = [
  (s) => `When it comes to ${s.leaf}, most buyers overlook ${s.feature}.`,
  (s) => `If you mostly need one for ${s.use}, look for a model with ${s.feature}.`,
  (s) => `We spent several weeks testing ${s.leaf} in everyday conditions, from ${s.use} to ${s.use2}.`,
  (s) =>
    `Whatever you buy, ${s.aType} should feel dependable on the first day and still feel that way a year later.`,
  (s) => `Price is not everything: some of the best ${s.leaf} we tried cost less than you might expect.`,
  (s) =>
    `${s.brand} and ${s.brand2} both make models with ${s.feature}, but they differ in how well they are finished.`,
  (s) => `Check the warranty before you buy ${s.aType}, and keep the receipt somewhere safe.`,
  (s) => `Most people only need ${s.feature}; anything beyond that is a welcome extra rather than a must.`,
  (s) => `Reviews help, but remember that every buyer uses their ${s.leaf} differently.`,
  (s) =>
    `For ${s.use}, we would choose ${s.aType} with ${s.feature2} over anything else in this price range.`,
  (s) =>
    `Do not be swayed by marketing terms; compare the specifications side by side before you pick ${s.aType}.`,
  (s) => `The gap between cheap and expensive ${s.leaf} often lies in small things, such as ${s.feature}.`,
  (s) =>
    `Readers often ask whether ${s.feature} is worth paying extra for, and the honest answer is that it depends on how you work.`,
  (s) => `In our experience, ${s.leaf} with ${s.feature2} last noticeably longer than those without.`,
  (s) =>
    `It is worth trying ${s.aType} in person if you can, because comfort and feel are hard to judge from a photo.`,
  (s) =>
    `${capitalize(s.leaf)} have improved a great deal in recent years, and models with ${s.feature} now come at modest prices.`,
  (s) => `Think about where you will use it: what suits ${s.use} is not always right for ${s.use2}.`,
  (s) => `We keep coming back to models from ${s.brand}, mostly because of ${s.feature2}.`,
];

const OPENERS: readonly ((s: Slots) => string)[] = [
  (s) => `Choosing among ${s.leaf} can be surprisingly hard, with new models arriving every season.`,
  (s) => `Few purchases divide opinion like ${s.leaf}, and for good reason.`,
  (s) => `This guide collects what we have learnt from testing dozens of ${s.leaf} over the past year.`,
  (s) =>
    `Whether you are buying ${s.aType} for the first time or replacing an old one, a little planning goes a long way.`,
];

export class Prose {
  readonly #random: Random;
  readonly #context: ProseContext;

  constructor(random: Random, context: ProseContext) {
    this.#random = random;
    this.#context = context;
  }

  /** Fresh slot values for one sentence. */
  slots(): Slots {
    const r = this.#random;
    const { leaf, brands } = this.#context;
    const [feature = '', feature2 = ''] = r.sample(leaf.features, 2);
    const [use = '', use2 = ''] = r.sample(leaf.uses, 2);
    const [brand = '', brand2 = ''] = r.sample(brands, 2);
    const type = r.pick(leaf.types);
    return {
      leaf: leaf.name.toLowerCase(),
      type: type.toLowerCase(),
      aType: withArticle(type),
      feature,
      feature2,
      use,
      use2,
      brand,
      brand2,
    };
  }

  sentence(): string {
    return this.#random.pick(SENTENCES)(this.slots());
  }

  opener(): string {
    return this.#random.pick(OPENERS)(this.slots());
  }

  /** `count` sentences, no template twice in a row. */
  paragraph(count: number, opening = false): string {
    const sentences: string[] = opening ? [this.opener()] : [];
    const templates = this.#random.sample(SENTENCES, Math.min(count, SENTENCES.length));
    for (const template of templates.slice(sentences.length)) sentences.push(template(this.slots()));
    return sentences.join(' ');
  }
}
