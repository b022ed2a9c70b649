/**
 * Product image URLs, absolute and fetchable: resolved against the page URL, http(s) only (a `data:` URI
 * is not a URL to store), fragments dropped, duplicates and obvious placeholders (spacers, 1×1 pixels)
 * left out, at most `MAX_IMAGES`.
 */

export const MAX_IMAGES = 20;
const PLACEHOLDER =
  /(?:^|[/_.-])(?:spacer|blank|pixel|transparent|placeholder|no[-_]?image|1x1)\.(?:gif|png|jpe?g|webp|svg)(?:$|\?)/i;

/**
 * @example absoluteImageUrls(['/img/a.jpg', 'https://cdn.example/a.jpg#zoom'], 'https://shop.example/p/1')
 * // ['https://shop.example/img/a.jpg', 'https://cdn.example/a.jpg']
 */
export function absoluteImageUrls(raws: readonly unknown[], pageUrl: string): string[] {
  const out: string[] = [];
  for (const raw of raws) {
    if (typeof raw !== 'string') continue;
    const text = raw.trim();
    if (text === '' || text.length > 4_000) continue;
    let url: URL;
    try {
      url = new URL(text, pageUrl);
    } catch {
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    url.hash = '';
    if (PLACEHOLDER.test(url.pathname)) continue;
    if (!out.includes(url.href)) out.push(url.href);
    if (out.length >= MAX_IMAGES) break;
  }
  return out;
}
