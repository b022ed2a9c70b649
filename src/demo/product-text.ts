import type { LeafSpec } from './category-tree.js';
import type { DemoReview } from './catalog-types.js';
import type { Random } from './random.js';
import { capitalize, withArticle } from './text.js';

/**
 * The words of a product page: a description that names the product type (so a text model can learn
 * the category from it) and a few customer reviews, each with the reviewer's id for `data-user-id`.
 */

const REVIEWERS = [
  'Alex',
  'Sam',
  'Priya',
  'Jonas',
  'Maria',
  'Tom',
  'Chen',
  'Lucía',
  'Fatima',
  'Oliver',
  'Ines',
  'Kwame',
];

export function productDescription(r: Random, leaf: LeafSpec, type: string, subject: string): string {
  const [f1 = '', f2 = '', f3 = ''] = r.sample(leaf.features, 3);
  const [use = '', use2 = ''] = r.sample(leaf.uses, 2);
  const closing = r.pick([
    `Like every item in our ${leaf.name.toLowerCase()} range, it ships free and comes with a two-year warranty.`,
    'It is backed by a two-year warranty and 30-day free returns.',
    `Customers who own one mention ${f3} most often in their reviews.`,
  ]);
  return `The ${subject} is ${withArticle(type)} built for ${use}. It offers ${f1} and ${f2}, so it is just as ready for ${use2}. ${closing}`;
}

export function productReviews(r: Random, leaf: LeafSpec, type: string): DemoReview[] {
  const count = r.weighted([
    [0, 4],
    [1, 2],
    [2, 2],
    [3, 1],
    [4, 1],
  ] as const);
  const reviews: DemoReview[] = [];
  for (let i = 0; i < count; i++) {
    const rating = r.weighted([
      [5, 5],
      [4, 4],
      [3, 2],
      [2, 1],
      [1, 1],
    ] as const);
    const feature = r.pick(leaf.features);
    const text =
      rating >= 4
        ? r.pick([
            `${capitalize(feature)} works exactly as promised.`,
            `Bought it for ${r.pick(leaf.uses)} and I am very happy so far.`,
            `Best ${type.toLowerCase()} I have owned.`,
          ])
        : r.pick([
            `Decent, but I expected more from ${feature}.`,
            `Fine for ${r.pick(leaf.uses)}, nothing special otherwise.`,
            `Returned it: the ${type.toLowerCase()} did not suit me.`,
          ]);
    const date = `202${r.int(3, 4)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    reviews.push({ userId: `u${r.int(1000, 9999)}`, author: r.pick(REVIEWERS), rating, date, text });
  }
  return reviews;
}
