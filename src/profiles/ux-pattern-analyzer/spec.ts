import type { AttributeSpec } from '../profile.js';
import type { Box, UxScan } from './in-page.js';

/** What the UX-pattern profile yields for a page; every key is one of `UX_ATTRIBUTES`. */
export type UxAttributes = {
  navigation: UxScan['navigation'];
  forms: UxScan['forms'];
  calls_to_action: (UxScan['callsToAction'][number] & { aboveFold: boolean })[];
  modals: UxScan['modals'];
  search: (NonNullable<UxScan['search']> & { present: true }) | { present: false };
  pagination: (NonNullable<UxScan['pagination']> & { present: true }) | { present: false };
  breadcrumbs: (NonNullable<UxScan['breadcrumbs']> & { present: true }) | { present: false };
  cards: UxScan['cards'];
  lists: UxScan['lists'];
  disclosures: UxScan['disclosures'];
  patterns: string[];
  above_the_fold: string[];
  viewport: UxScan['viewport'];
};

export type { Box };

/** The patterns the summary and the score count, in this order. */
export const UX_PATTERNS = [
  'navigation',
  'search',
  'breadcrumbs',
  'calls_to_action',
  'forms',
  'cards',
  'lists',
  'pagination',
  'modals',
  'disclosures',
] as const;

const BOX = 'its box (x, y, width, height in page CSS px)';

export const UX_ATTRIBUTES: AttributeSpec[] = [
  {
    name: 'navigation',
    type: 'object[]',
    description: `Navigation regions: kind (header, footer, sidebar, breadcrumb, pagination, inline), label, links, orientation, ${BOX}`,
  },
  {
    name: 'forms',
    type: 'object[]',
    description: `Forms: purpose (search, login, signup, checkout, newsletter, contact, filter, other), fields and their types, submit label, method, action, ${BOX}`,
  },
  {
    name: 'calls_to_action',
    type: 'object[]',
    description: `Calls to action outside navigation (buy, add to cart, sign up, subscribe…, or button-styled): text, kind, target, prominence, whether above the fold, ${BOX}`,
  },
  {
    name: 'modals',
    type: 'object[]',
    description: `Dialogs and modals: label, open or closed, the text of the control that opens it, ${BOX}`,
  },
  {
    name: 'search',
    type: 'object',
    description: `Site search: present, input name, action, placeholder, ${BOX}`,
  },
  {
    name: 'pagination',
    type: 'object',
    description: `Pagination: present, pages linked, the current page, next and previous links, ${BOX}`,
  },
  { name: 'breadcrumbs', type: 'object', description: `Breadcrumbs: present, the trail’s items, ${BOX}` },
  {
    name: 'cards',
    type: 'object[]',
    description: `Card groups (3+ sibling elements alike, with a link and an image or heading): selector, count, image, heading, the container's box`,
  },
  {
    name: 'lists',
    type: 'object[]',
    description: `Content lists (3+ items, outside navigation and card grids): kind (ul, ol, dl), items, ${BOX}`,
  },
  {
    name: 'disclosures',
    type: 'object[]',
    description: `Tabs, accordions (details) and disclosure buttons (aria-expanded): kind, items, label, ${BOX}`,
  },
  { name: 'patterns', type: 'string[]', description: `The patterns present, of: ${UX_PATTERNS.join(', ')}` },
  {
    name: 'above_the_fold',
    type: 'string[]',
    description: 'The patterns with an instance starting within the first viewport',
  },
  {
    name: 'viewport',
    type: 'object',
    description: 'Viewport width and height and the document height, CSS px',
  },
];

export const UX_QUALITY_RULE =
  'How much labelled UX structure the page offers, × 100 and rounded: 0.6 × min(1, patterns present ÷ 5) + ' +
  '0.2 × (a call to action starts above the fold) + 0.2 × (a header or inline navigation starts within the first viewport).';
