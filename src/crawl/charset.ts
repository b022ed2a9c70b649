/**
 * Decoding a body to text, in the order browsers use: byte order mark, then the content-type charset,
 * then a `<meta>` declaration near the top, then UTF-8.
 */

/** How far into the body a `<meta charset>` is looked for. */
const META_PRESCAN_BYTES = 2048;

const META_CHARSET = /<meta\s[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.+-]+)/i;

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

const ENCODING_CACHE_SIZE = 256;
const encodingCache = new Map<string, string | null>();

/** A WHATWG encoding label's canonical name, or null when TextDecoder does not know it. */
function knownEncoding(label: string | null): string | null {
  if (label === null) return null;
  const key = label.trim().toLowerCase();
  const cached = encodingCache.get(key);
  if (cached !== undefined) return cached;
  let encoding: string | null;
  try {
    encoding = new TextDecoder(key).encoding;
  } catch {
    encoding = null;
  }
  // Labels come from servers: bound the cache so that a hostile site cannot grow it.
  if (encodingCache.size < ENCODING_CACHE_SIZE) encodingCache.set(key, encoding);
  return encoding;
}

export function sniffCharset(bytes: Uint8Array, declared: string | null): string {
  const bom = bomCharset(bytes);
  if (bom !== null) return bom;
  const fromHeader = knownEncoding(declared);
  if (fromHeader !== null) return fromHeader;
  const head = Buffer.from(
    bytes.buffer,
    bytes.byteOffset,
    Math.min(bytes.byteLength, META_PRESCAN_BYTES),
  ).toString('latin1');
  const fromMeta = knownEncoding(META_CHARSET.exec(head)?.[1] ?? null);
  // A meta tag readable as ASCII cannot be in UTF-16: the HTML standard reads it as UTF-8 then.
  if (fromMeta !== null) return fromMeta.startsWith('utf-16') ? 'utf-8' : fromMeta;
  return 'utf-8';
}

/** WHATWG windows-1252 for bytes 0x80-0x9F; every other byte is its own code point. */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Node 20.18.3 and later decode windows-1252 (and so latin1, iso-8859-1 and ascii, its WHATWG aliases)
 * as ISO-8859-1, turning €, curly quotes and dashes into control characters (nodejs/node#60888).
 */
function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!));
}

/** Decode without throwing: malformed sequences become U+FFFD, as in a browser. */
export function decodeBody(bytes: Uint8Array, declared: string | null): string {
  const charset = sniffCharset(bytes, declared);
  if (charset === 'windows-1252') return decodeWindows1252(bytes);
  if (charset === 'utf-8') {
    // Buffer's UTF-8 decoder is faster than TextDecoder and replaces bad bytes alike; it keeps the BOM.
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start).toString('utf8');
  }
  return new TextDecoder(charset).decode(bytes);
}
