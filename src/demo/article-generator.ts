import type { DemoArticle, DemoArticleSection } from './catalog-types.js';
import type { LeafPlacement } from './product-generator.js';
import { Prose } from './prose.js';
import type { Random } from './random.js';
import { capitalize, slugify } from './text.js';

const AUTHORS = [
  'Hannah Okafor',
  'Daniel Weiss',
  'Mei Lin',
  'Rafael Costa',
  'Sophie Laurent',
  'Arjun Mehta',
  'Clara Jensen',
  'Tomás Ortega',
];
const SMALL_WORDS = new Set(['a', 'an', 'and', 'for', 'of', 'on', 'or', 'the', 'to', 'in', 'with', 'from']);
/** The newest article's date; older ones step back from it, so the blog never changes with the clock. */
const NEWEST_DATE_MS = Date.UTC(2024, 10, 28);
const DAY_MS = 86_400_000;

function titleCase(text: string): string {
  return text
    .split(' ')
    .map((word, i) => (i > 0 && SMALL_WORDS.has(word) ? word : capitalize(word)))
    .join(' ');
}

/** Generates blog articles about the shop's categories, newest first. */
export class ArticleGenerator {
  readonly #random: Random;
  readonly #leaves: readonly LeafPlacement[];
  readonly #slugs = new Set<string>();

  constructor(random: Random, leaves: readonly LeafPlacement[]) {
    this.#random = random;
    this.#leaves = leaves;
  }

  generate(count: number): DemoArticle[] {
    const articles: DemoArticle[] = [];
    let dateMs = NEWEST_DATE_MS;
    for (let i = 0; i < count; i++) {
      articles.push(this.#article(i, new Date(dateMs).toISOString().slice(0, 10)));
      dateMs -= this.#random.int(1, 9) * DAY_MS;
    }
    return articles;
  }

  #article(index: number, publishedAt: string): DemoArticle {
    const r = this.#random;
    const place = r.pick(this.#leaves);
    const prose = new Prose(r, { leaf: place.leaf, brands: place.brands });
    const title = this.#uniqueTitle(place);
    const slug = slugify(title);
    this.#slugs.add(slug);
    const sections = this.#sections(place, prose);
    return {
      id: `a${index + 1}`,
      slug,
      path: `/blog/${slug}`,
      title,
      author: r.pick(AUTHORS),
      publishedAt,
      summary: `${prose.opener()} ${prose.sentence()}`,
      intro: [prose.paragraph(r.int(3, 4), true)],
      sections,
      categoryId: place.categoryId,
      relatedProductIds: [],
      jsonLd: r.chance(0.5),
    };
  }

  #uniqueTitle(place: LeafPlacement): string {
    const r = this.#random;
    const { leaf } = place;
    for (let attempt = 0; ; attempt++) {
      const [typeA = '', typeB = ''] = r.sample(leaf.types, 2);
      const candidates = [
        `How to Choose the Right ${leaf.name} for ${titleCase(r.pick(leaf.uses))}`,
        `${r.int(5, 12)} Things to Know Before Buying ${leaf.name}`,
        `A Beginner's Guide to ${leaf.name}`,
        `${typeA} or ${typeB}: Which Should You Buy?`,
        titleCase(`The truth about ${r.pick(leaf.features)}`),
        `Our Favourite ${leaf.name} for ${titleCase(r.pick(leaf.uses))}`,
        `Caring for Your ${typeA}: A Practical Guide`,
        `${leaf.name} on a Budget: What You Really Need`,
      ];
      let title = r.pick(candidates);
      if (attempt >= 20) title = `${title} (Part ${attempt - 18})`;
      if (!this.#slugs.has(slugify(title))) return title;
    }
  }

  #sections(place: LeafPlacement, prose: Prose): DemoArticleSection[] {
    const r = this.#random;
    const { leaf } = place;
    const leafName = leaf.name.toLowerCase();
    const type = r.pick(leaf.types).toLowerCase();
    const headings = r.sample(
      [
        `What to look for in ${leafName}`,
        `A closer look at ${r.pick(leaf.features)}`,
        `${capitalize(type)} for ${r.pick(leaf.uses)}`,
        'How we tested',
        `Getting the most from your ${type}`,
        'Budget and value',
        'Common mistakes',
      ],
      r.int(3, 4),
    );
    headings.push('Our verdict');
    return headings.map((heading, i) => ({
      heading,
      paragraphs: Array.from({ length: r.int(1, 3) }, () => prose.paragraph(r.int(3, 5))),
      subsection:
        i < headings.length - 1 && r.chance(0.4)
          ? {
              heading: r.pick([
                `A word about ${r.pick(leaf.features)}`,
                'If you are short on space',
                'What the specifications do not tell you',
              ]),
              paragraph: prose.paragraph(3),
            }
          : null,
      list:
        i === 0 && r.chance(0.6) ? r.sample(leaf.features, 4).map((feature) => `Look for ${feature}.`) : null,
    }));
  }
}
