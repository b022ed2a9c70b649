/** Small text helpers shared by the generators and the renderers. */

/** Lower-case ASCII words joined by hyphens: 'Home & Kitchen' → 'home-kitchen'. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Safe in text and in double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * JSON for a `<script type="application/ld+json">` block: `<` is escaped so that a value holding
 * `</script>` cannot end the block early.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/</g, '\\u003c');
}

/** 'a', 'a and b', 'a, b and c'. */
export function listInProse(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A product type with its article: 'an immersion blender', 'a pair of trail running shoes'. */
export function withArticle(type: string): string {
  const lower = type.toLowerCase();
  if (/(headphones|speakers|shoes|boots|flats)$/.test(lower)) return `a pair of ${lower}`;
  return `${/^[aeiou]/.test(lower) ? 'an' : 'a'} ${lower}`;
}
