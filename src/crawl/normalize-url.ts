/**
 * The one spelling of a URL used for deduplication and scope: resolved against `base`, fragment dropped,
 * scheme and host lowercased (the WHATWG parser does both), default port dropped, query kept as is
 * (its order can matter to the server). Null when it cannot be parsed or is not http(s).
 *
 * @example normalizeUrl('../b?x=1#top', 'HTTPS://Shop.Example:443/a/c') // 'https://shop.example/b?x=1'
 */
export function normalizeUrl(url: string, base?: string): string | null {
  let parsed: URL;
  try {
    parsed = base === undefined ? new URL(url.trim()) : new URL(url.trim(), base);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.hostname === '') return null;
  parsed.hash = '';
  return parsed.href;
}
