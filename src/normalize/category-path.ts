import { cleanText } from './product-text.js';

/**
 * A category path from breadcrumbs (top level first): the home crumb dropped, the product's own name at
 * the end dropped, each crumb cleaned; a category written as one text (`Electronics > Audio`) is split at
 * its separators. A numeric category (a Google taxonomy id such as `543543`) is no path.
 */

const HOME =
  /^(?:home|home ?page|homepage|start|startseite|accueil|inicio|início|home\s*page|página inicial|pagina iniziale|главная|strona główna|hoofdpagina|startpagina|首页|首頁|ホーム|トップ|top|shop|store|main|all|alle|tous|todo|tutti)$/iu;
const SEPARATORS = /\s*(?:>|›|»|\/|\||→|\\|»|>)\s*/u;
const MAX_CRUMB_CHARS = 80;
const MAX_DEPTH = 10;

export interface CategoryPathOptions {
  /** The product's name: a last crumb that is the product is not a category. */
  productName?: string | null;
}

/**
 * @example categoryPath(['Home', 'Audio', 'Headphones', 'Aero X1'], { productName: 'Aero X1' }) // ['Audio', 'Headphones']
 * @example categoryPath('Electronics > Audio > Headphones') // ['Electronics', 'Audio', 'Headphones']
 */
export function categoryPath(raw: readonly string[] | string, options: CategoryPathOptions = {}): string[] {
  const parts = typeof raw === 'string' ? raw.split(SEPARATORS) : [...raw];
  const crumbs: string[] = [];
  for (const part of parts) {
    const crumb = cleanText(part, 500)?.replace(/^[\s>›»/|·•→-]+|[\s>›»/|·•→-]+$/gu, '');
    if (crumb === undefined || crumb === null || crumb === '' || crumb.length > MAX_CRUMB_CHARS) continue;
    if (!/\p{L}/u.test(crumb)) continue;
    if (crumbs.length === 0 && HOME.test(crumb)) continue;
    if (crumbs.at(-1)?.toLowerCase() === crumb.toLowerCase()) continue;
    crumbs.push(crumb);
  }
  const name = options.productName?.trim().toLowerCase();
  if (name !== undefined && name !== '' && crumbs.length > 0) {
    const last = (crumbs.at(-1) as string).toLowerCase();
    // The product itself, or its name shortened (`Aero X1 Headphones` for `Aero X1 Headphones, Black`);
    // a category that the name merely contains (`Running Shoes`) stays.
    const shortened = (a: string, b: string) => b.includes(a) && a.length >= b.length * 0.75;
    if (last === name || shortened(last, name) || shortened(name, last)) crumbs.pop();
  }
  return crumbs.slice(0, MAX_DEPTH);
}
