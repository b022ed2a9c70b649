import { Parser } from 'htmlparser2';

/** A `<link>` of the document head, attributes as written (names lower-cased). */
export type HeadLink = Record<string, string>;

/** What the head says that page facts do not keep: the `<title>` element itself and the `<link>`s. */
export interface HeadScan {
  /** The `<title>` text, whitespace-normalized; null when absent or empty. */
  title: string | null;
  links: HeadLink[];
}

// A head past this is not a head: stop reading rather than tokenize a huge page for a few tags.
const MAX_HEAD_CHARS = 256 * 1024;

/**
 * The `<title>` and the `<link>` elements before `<body>` (hreflang alternates, canonical, preloads,
 * stylesheets): a tokenizer pass over the head only, no tree. Page facts keep the `<a>` links and a
 * resolved title (OpenGraph first), so the profiles that judge the head itself read it here.
 */
export function scanHead(html: string): HeadScan {
  const links: HeadLink[] = [];
  let title: string | null = null;
  let inTitle = false;
  let titleText = '';
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'link') links.push({ ...attributes });
        else if (name === 'title' && title === null) inTitle = true;
      },
      ontext(text) {
        if (inTitle) titleText += text;
      },
      onclosetag(name) {
        if (name !== 'title' || !inTitle) return;
        inTitle = false;
        title = titleText.replace(/\s+/g, ' ').trim() || null;
      },
    },
    { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true },
  );
  const end = html.search(/<body[\s>]/i);
  parser.write(html.slice(0, Math.min(end === -1 ? html.length : end, MAX_HEAD_CHARS)));
  parser.end();
  return { title, links };
}
