/** Reading what a body is: its declared type, whether it looks like HTML, whether it is binary. */

export interface ContentType {
  /** Lowercased `type/subtype`. */
  mime: string;
  charset: string | null;
}

export function parseContentType(header: string | null): ContentType | null {
  if (header === null || header.trim() === '') return null;
  const [type = '', ...params] = header.split(';');
  let charset: string | null = null;
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    charset =
      param
        .slice(eq + 1)
        .trim()
        .replace(/^["']|["']$/g, '') || null;
  }
  return { mime: type.trim().toLowerCase(), charset };
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

export function isHtmlType(mime: string): boolean {
  return HTML_TYPES.has(mime);
}

/** Bytes looked at to decide that a body is binary or HTML. */
export const SNIFF_BYTES = 1024;

/** Leading bytes of formats that servers misdeclare as text/html. */
const MAGIC_NUMBERS: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0xff, 0xd8, 0xff], // JPEG
  [0x50, 0x4b, 0x03, 0x04], // ZIP, docx, xlsx
  [0x1f, 0x8b], // gzip without a content-encoding
  [0x52, 0x49, 0x46, 0x46], // RIFF (webp, wav, avi)
  [0x7f, 0x45, 0x4c, 0x46], // ELF
];

/** WHATWG MIME sniffing's "binary data bytes": control characters that text never holds. */
function isBinaryByte(byte: number): boolean {
  return byte <= 0x08 || byte === 0x0b || (byte >= 0x0e && byte <= 0x1a) || (byte >= 0x1c && byte <= 0x1f);
}

/**
 * Whether the start of a body is binary: a known magic number, or control bytes beyond what a stray
 * character in a real page explains. UTF-16 text is full of NUL bytes, so a UTF-16 BOM or charset
 * exempts it.
 */
export function looksBinary(head: Uint8Array, charset: string | null): boolean {
  if (MAGIC_NUMBERS.some((magic) => magic.every((byte, i) => head[i] === byte))) return true;
  if (/^utf-16/i.test(charset ?? '') || hasUtf16Bom(head)) return false;
  const sample = head.subarray(0, SNIFF_BYTES);
  let count = 0;
  for (const byte of sample) if (isBinaryByte(byte)) count += 1;
  return count >= Math.max(3, sample.length * 0.02);
}

function hasUtf16Bom(head: Uint8Array): boolean {
  return (head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0xff && head[1] === 0xfe);
}

/** For a body served without a content-type: does its start read as HTML? */
export function looksLikeHtml(head: Uint8Array): boolean {
  const text = Buffer.from(head.subarray(0, SNIFF_BYTES)).toString('latin1').toLowerCase();
  return (
    /^\s*(?:\xef\xbb\xbf)?\s*<(?:!doctype html|html|head|body|!--|title|meta|script|div|p\b|h1)/.test(text) ||
    /<html[\s>]|<!doctype html/.test(text)
  );
}
