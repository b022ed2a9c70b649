import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import { SkipError } from '../core/index.js';
import { SNIFF_BYTES } from './content-sniff.js';

export function tooLarge(url: string, maxBytes: number, detail: string): SkipError {
  return new SkipError(
    `${url}: the body is over the limit of ${maxBytes} bytes (GLEANER_MAX_PAGE_BYTES): ${detail}`,
    { code: 'too-large' },
  );
}

function decompressor(encoding: string): zlib.Gunzip | zlib.Unzip | zlib.BrotliDecompress | null {
  switch (encoding) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    // `deflate` is meant to be zlib-wrapped; Unzip also takes gzip mislabelled as deflate. Raw deflate
    // (old IIS) fails as `bad-encoding` rather than being guessed at.
    case 'deflate':
      return zlib.createUnzip();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      throw new SkipError(`unsupported content-encoding "${encoding}"`, { code: 'bad-encoding' });
  }
}

export interface ReadBodyOptions {
  url: string;
  /** The content-encoding header, as sent. */
  encoding: string | undefined;
  /** Decoded bytes allowed; the stream is torn down at the first byte beyond. */
  maxBytes: number;
  /** Called once with the first SNIFF_BYTES decoded bytes (or the whole body if shorter); may throw to stop. */
  inspectHead?: (head: Uint8Array) => void;
}

/**
 * Read a body, decompressing as it arrives and counting the decompressed bytes against the limit, so
 * that neither a huge page nor a small gzip bomb is ever held whole in memory. On any early exit the
 * source is destroyed (undici then drops the connection) instead of being drained.
 */
export async function readBody(body: Readable, options: ReadBodyOptions): Promise<Buffer> {
  const encoding = (options.encoding ?? '').trim().toLowerCase();
  let inflater: ReturnType<typeof decompressor>;
  try {
    inflater = decompressor(encoding);
  } catch (error) {
    body.destroy();
    throw error;
  }
  // pipeline destroys every stage when one fails, and the error surfaces in the iteration below.
  const decoded: Readable = inflater === null ? body : pipeline(body, inflater, () => {});
  const chunks: Buffer[] = [];
  let total = 0;
  let inspected = options.inspectHead === undefined;
  try {
    for await (const chunk of decoded as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > options.maxBytes)
        throw tooLarge(options.url, options.maxBytes, `stopped after ${total} bytes read`);
      chunks.push(chunk);
      if (!inspected && total >= SNIFF_BYTES) {
        inspected = true;
        // Copy only the head (the chunks before this one hold under SNIFF_BYTES): concatenating all
        // that was read here would copy each page twice.
        const head =
          chunks.length === 1
            ? chunk
            : Buffer.concat([...chunks.slice(0, -1), chunk.subarray(0, SNIFF_BYTES)]);
        options.inspectHead?.(head.subarray(0, SNIFF_BYTES));
      }
    }
  } finally {
    // Leaving the loop early destroys `decoded` only; the socket under `body` must go too.
    if (!body.readableEnded) body.destroy();
  }
  const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  if (!inspected) options.inspectHead?.(bytes);
  return bytes;
}

/** Sitemaps and other resources are often served gzipped with no content-encoding: un-gzip them. */
export function gunzipIfGzipped(bytes: Buffer, url: string, maxBytes: number): Buffer {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return zlib.gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw tooLarge(url, maxBytes, 'it grows past the limit when un-gzipped');
    }
    throw new SkipError(`${url}: gzip body could not be read`, { code: 'bad-encoding', cause: error });
  }
}
