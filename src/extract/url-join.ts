/**
 * Reference resolution as Python's `urllib.parse.urljoin` does it, which is what extruct (microdata) and
 * mf2py (microformats) use. Unlike the WHATWG `URL` parser it does not normalize: an absolute URL comes
 * back as written (`http://Example.com` stays without its trailing slash, a space stays a space), so the
 * values equal the reference's. Without a base, a relative reference is returned unchanged.
 */
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
// Python removes these anywhere in a URL before splitting it (bpo-43882).
const UNSAFE = /[\t\r\n]/g;
// ...and strips C0 controls and spaces from its start.
const LEADING_C0 = /^[\x00-\x20]+/;

const USES_RELATIVE: ReadonlySet<string> = new Set(
  '|ftp|http|gopher|nntp|imap|wais|file|https|shttp|mms|prospero|rtsp|rtspu|sftp|svn|svn+ssh|ws|wss'.split(
    '|',
  ),
);
const USES_NETLOC: ReadonlySet<string> = new Set(
  '|ftp|http|gopher|nntp|telnet|imap|wais|file|mms|https|shttp|snews|prospero|rtsp|rtspu|rsync|svn|svn+ssh|sftp|nfs|git|git+ssh|ws|wss'.split(
    '|',
  ),
);
const USES_PARAMS: ReadonlySet<string> = new Set(
  '|ftp|hdl|prospero|http|imap|https|shttp|rtsp|rtspu|sip|sips|mms|sftp|tel'.split('|'),
);

interface UrlParts {
  scheme: string;
  netloc: string;
  path: string;
  params: string;
  query: string;
  fragment: string;
}

/** `urljoin(base, url)`; `base` null or empty returns `url` as it is. */
export function urlJoin(base: string | null, url: string): string {
  if (base === null || base === '') return url;
  if (url === '') return base;
  const b = urlParse(base, '');
  const u = urlParse(url, b.scheme);
  if (u.scheme !== b.scheme || !USES_RELATIVE.has(u.scheme)) return url;
  if (USES_NETLOC.has(u.scheme)) {
    if (u.netloc !== '') return urlUnparse(u);
    u.netloc = b.netloc;
  }
  if (u.path === '' && u.params === '') {
    u.path = b.path;
    u.params = b.params;
    if (u.query === '') u.query = b.query;
    return urlUnparse(u);
  }
  const baseParts = b.path.split('/');
  if (baseParts[baseParts.length - 1] !== '') baseParts.pop();
  let segments: string[];
  if (u.path.startsWith('/')) {
    segments = u.path.split('/');
  } else {
    const joined = [...baseParts, ...u.path.split('/')];
    // Python drops the empty inner segments that would double the slashes on re-joining.
    segments =
      joined.length <= 2
        ? joined
        : [joined[0] as string, ...joined.slice(1, -1).filter((s) => s !== ''), joined.at(-1) as string];
  }
  const resolved: string[] = [];
  for (const segment of segments) {
    if (segment === '..') resolved.pop();
    else if (segment !== '.') resolved.push(segment);
  }
  const last = segments.at(-1);
  if (last === '.' || last === '..') resolved.push('');
  u.path = resolved.join('/') || '/';
  return urlUnparse(u);
}

/** mf2py's `try_urljoin`: an `http(s)://` URL as written, anything else through `urlJoin`. */
export function tryUrlJoin(base: string | null, url: string): string {
  return url.startsWith('http://') || url.startsWith('https://') ? url : urlJoin(base, url);
}

/** `urlparse(url, scheme)`: the six components, none of them decoded or normalized. */
export function urlParse(raw: string, defaultScheme: string): UrlParts {
  let url = raw.replace(LEADING_C0, '').replace(UNSAFE, '');
  let scheme = defaultScheme;
  const match = SCHEME.exec(url);
  if (match !== null) {
    scheme = (match[1] as string).toLowerCase();
    url = url.slice(match[0].length);
  }
  let netloc = '';
  if (url.startsWith('//')) {
    const end = url.slice(2).search(/[/?#]/);
    netloc = end === -1 ? url.slice(2) : url.slice(2, end + 2);
    url = end === -1 ? '' : url.slice(end + 2);
  }
  let fragment = '';
  const hash = url.indexOf('#');
  if (hash !== -1) [url, fragment] = [url.slice(0, hash), url.slice(hash + 1)];
  let query = '';
  const question = url.indexOf('?');
  if (question !== -1) [url, query] = [url.slice(0, question), url.slice(question + 1)];
  let params = '';
  if (USES_PARAMS.has(scheme) && url.includes(';')) {
    const slash = url.lastIndexOf('/');
    const semicolon = url.indexOf(';', slash === -1 ? 0 : slash);
    if (semicolon !== -1) [url, params] = [url.slice(0, semicolon), url.slice(semicolon + 1)];
  }
  return { scheme, netloc, path: url, params, query, fragment };
}

function urlUnparse(parts: UrlParts): string {
  let url = parts.params === '' ? parts.path : `${parts.path};${parts.params}`;
  if (
    parts.netloc !== '' ||
    (parts.scheme !== '' && USES_NETLOC.has(parts.scheme) && !url.startsWith('//'))
  ) {
    if (url !== '' && !url.startsWith('/')) url = `/${url}`;
    url = `//${parts.netloc}${url}`;
  }
  if (parts.scheme !== '') url = `${parts.scheme}:${url}`;
  if (parts.query !== '') url = `${url}?${parts.query}`;
  if (parts.fragment !== '') url = `${url}#${parts.fragment}`;
  return url;
}
