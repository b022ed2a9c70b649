/**
 * `--render auto`: does a page fetched over HTTP need its scripts run to show its content? Read from the
 * static HTML alone, without parsing it (it runs on every page of an auto job, on the main thread):
 *
 * 1. An empty application root: `<div id="root|app|__next|__nuxt|___gatsby|svelte|ember-app">` (or
 *    `<app-root>`) with nothing but white space inside, the mount point of a client-rendered app.
 * 2. A `<noscript>` that asks for JavaScript ("enable JavaScript", "requires JavaScript", "JavaScript is
 *    required/disabled") while the page shows little text (under 200 words).
 * 3. Scripts and almost no text: at least one external script or 3 inline ones, and under 50 words of
 *    visible body text.
 *
 * Pages with server-rendered text and an app root that was hydrated (root not empty) stay static. The
 * answer says which rule fired, for the page's record.
 */
export function scriptsNeeded(page: string): string | null {
  // The start of the page decides: a client-rendered shell is small, and the regular expressions below
  // stay linear on a bounded input whatever the page holds (unclosed scripts, say).
  const html = page.length > SCAN_CHARS ? page.slice(0, SCAN_CHARS) : page;
  if (EMPTY_APP_ROOT.test(html)) return 'empty app root';
  const words = visibleWords(html);
  if (words < 200 && NOSCRIPT_ASKS_FOR_JS.test(html)) return 'noscript asks for JavaScript';
  if (words < 50) {
    const external = (html.match(/<script\b[^>]*\bsrc\s*=/gi) ?? []).length;
    const scripts = (html.match(/<script\b/gi) ?? []).length;
    if (external >= 1 || scripts >= 3) return `scripts and ${words} words of text`;
  }
  return null;
}

const EMPTY_APP_ROOT =
  /<(?:div|main|section)\b[^>]*\bid\s*=\s*["']?(?:root|app|__next|__nuxt|___gatsby|svelte|ember-app|main-app|react-root)["'\s>][^>]*>\s*<\/(?:div|main|section)>|<app-root\b[^>]*>\s*<\/app-root>/i;
const NOSCRIPT_ASKS_FOR_JS =
  /<noscript\b[^>]*>[^]{0,2000}?(?:enable\s+javascript|requires?\s+javascript|javascript\s+(?:is\s+)?(?:required|disabled|must\s+be\s+enabled)|turn\s+on\s+javascript|need\s+(?:to\s+)?(?:enable\s+)?javascript)[^]{0,2000}?<\/noscript>/i;
const SCAN_CHARS = 256 * 1024;
// Words counted stop here: past it the page clearly has text.
const ENOUGH_WORDS = 200;

/** Words of body text outside scripts, styles, templates and noscript, counted up to ENOUGH_WORDS. */
function visibleWords(html: string): number {
  const bodyAt = html.search(/<body\b/i);
  const source = bodyAt < 0 ? html : html.slice(bodyAt);
  // Cut the hidden elements out by hand: one pass, whatever the page (an unclosed <script> hides the rest).
  let kept = '';
  let at = 0;
  const open = /<(script|style|noscript|template|svg)\b/gi;
  for (let match = open.exec(source); match !== null; match = open.exec(source)) {
    kept += source.slice(at, match.index) + ' ';
    const close = new RegExp(`</${match[1]}`, 'gi');
    close.lastIndex = match.index;
    const end = close.exec(source);
    if (end === null) {
      at = source.length;
      break;
    }
    at = end.index;
    open.lastIndex = end.index + 2;
  }
  kept += source.slice(at);
  // Each pattern consumes what it starts, to the end when unclosed: linear on any input.
  const text = kept
    .replace(/<!--[^]*?(?:-->|$)/g, ' ')
    .replace(/<[^>]*(?:>|$)/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ');
  let words = 0;
  for (const _ of text.matchAll(/[\p{L}\p{N}]{2,}/gu)) if (++words >= ENOUGH_WORDS) break;
  return words;
}
