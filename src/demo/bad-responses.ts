import type { ServerResponse } from 'node:http';
import { BINARY_PAGE_BYTES, HUGE_PAGE_BYTES } from './bad-pages.js';
import { Random } from './random.js';

/** The bodies of the two pathological 200 answers: a 10 MB page and binary bytes labelled as HTML. */

const HUGE_PREFIX = Buffer.from(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Full stock export | Gleaner Demo Shop</title>
<meta name="description" content="Every stock movement, as one page.">
</head>
<body>
<h1>Full stock export</h1>
<table>
<tr><th>SKU</th><th>Warehouse</th><th>Quantity</th></tr>
`);
const HUGE_SUFFIX = Buffer.from('</table>\n</body>\n</html>\n');
const HUGE_CHUNK_ROWS = 1024;

function hugeChunk(): Buffer {
  const rows: string[] = [];
  for (let i = 0; i < HUGE_CHUNK_ROWS; i++)
    rows.push(
      `<tr><td>SKU-${String(i).padStart(6, '0')}</td><td>WH-${i % 7}</td><td>${(i * 37) % 500}</td></tr>\n`,
    );
  return Buffer.from(rows.join(''));
}

/** Resolves true when the socket wants more, false when the client has gone (drain would never come). */
function drained(res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const onDrain = () => {
      res.off('close', onClose);
      resolve(true);
    };
    const onClose = () => {
      res.off('drain', onDrain);
      resolve(false);
    };
    res.once('drain', onDrain);
    res.once('close', onClose);
  });
}

export class BadBodies {
  #chunk: Buffer | null = null;
  #binary: Buffer | null = null;
  readonly #seed: number;

  constructor(seed: number) {
    this.#seed = seed;
  }

  /** Seeded bytes (NULs and all) that are not text; built once. */
  binary(): Buffer {
    if (!this.#binary) {
      const random = Random.derive(this.#seed, 'binary');
      this.#binary = Buffer.alloc(BINARY_PAGE_BYTES);
      for (let i = 0; i < BINARY_PAGE_BYTES; i++) this.#binary[i] = random.int(0, 255);
    }
    return this.#binary;
  }

  /**
   * Streams exactly HUGE_PAGE_BYTES of valid HTML from one shared 60 KB chunk, honouring backpressure:
   * the page is never held in memory, whatever the number of clients fetching it.
   */
  async streamHuge(res: ServerResponse): Promise<void> {
    this.#chunk ??= hugeChunk();
    const chunk = this.#chunk;
    const write = async (buffer: Buffer): Promise<boolean> =>
      !res.destroyed && (res.write(buffer) || drained(res));
    if (!(await write(HUGE_PREFIX))) return;
    let remaining = HUGE_PAGE_BYTES - HUGE_PREFIX.length - HUGE_SUFFIX.length;
    while (remaining >= chunk.length) {
      if (!(await write(chunk))) return;
      remaining -= chunk.length;
    }
    // Whitespace between rows fills the last bytes, so the length is exact and the HTML stays valid.
    if (remaining > 0 && !(await write(Buffer.alloc(remaining, ' ')))) return;
    res.end(HUGE_SUFFIX);
  }
}
