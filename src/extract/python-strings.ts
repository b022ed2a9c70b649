/**
 * Python's string semantics where extruct's output depends on them. Its "whitespace" (`str.split()`,
 * `str.strip()`, `re` `\s`) is not JavaScript's: it includes the information separators U+001C-U+001F and
 * NEL (U+0085), and excludes the byte-order mark U+FEFF. Matching it exactly keeps values such as
 * `itemprop` names and text content identical to the reference's.
 */
const WS = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

export const PY_WHITESPACE_RUN = new RegExp(`[${WS}]+`, 'g');
const LEADING = new RegExp(`^[${WS}]+`);
const TRAILING = new RegExp(`[${WS}]+$`);
const TOKEN = new RegExp(`[^${WS}]+`, 'g');
export const PY_TRAILING_SPACE = new RegExp(`[${WS}]$`);
// The HTML spec's ASCII whitespace, which w3lib's `strip_html5_whitespace` trims from URLs.
const HTML5_WHITESPACE = /^[ \t\n\r\f]+|[ \t\n\r\f]+$/g;

/** `value.split()`: the non-whitespace runs. */
export function pySplit(value: string): string[] {
  return value.match(TOKEN) ?? [];
}

/** `value.strip()`. */
export function pyStrip(value: string): string {
  return value.replace(LEADING, '').replace(TRAILING, '');
}

export function pyLstrip(value: string): string {
  return value.replace(LEADING, '');
}

export function pyRstrip(value: string): string {
  return value.replace(TRAILING, '');
}

/** `value.isspace()` or empty. */
export function pyIsBlank(value: string): boolean {
  return pyStrip(value) === '';
}

/** w3lib's `strip_html5_whitespace`: trims the spaces, tabs and line breaks HTML allows around a URL. */
export function stripHtml5Whitespace(value: string): string {
  return value.replace(HTML5_WHITESPACE, '');
}
