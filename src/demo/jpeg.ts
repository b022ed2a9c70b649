/**
 * A minimal baseline JPEG encoder for images made of flat 8×8 blocks. A flat block has only a DC
 * coefficient, so there is no DCT to run and the AC table needs one symbol (end of block): a few
 * dozen lines give real, decodable JPEGs (image/jpeg that any decoder and the photo classifier can
 * read) without a dependency.
 */

export type Rgb = readonly [number, number, number];

const STANDARD_DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const STANDARD_DC_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

/** Canonical Huffman codes (JPEG Annex C) for a bits/values table: symbol → [code, length]. */
function huffmanCodes(bits: readonly number[], values: readonly number[]): Map<number, [number, number]> {
  const codes = new Map<number, [number, number]>();
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    for (let i = 0; i < bits[length - 1]!; i++) codes.set(values[k++]!, [code++, length]);
    code <<= 1;
  }
  return codes;
}

const DC_CODES = huffmanCodes(STANDARD_DC_BITS, STANDARD_DC_VALUES);

class BitWriter {
  readonly bytes: number[] = [];
  #buffer = 0;
  #count = 0;

  write(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.#buffer = (this.#buffer << 1) | ((value >> i) & 1);
      if (++this.#count === 8) this.#flushByte();
    }
  }

  /** Pads the last byte with ones, as the standard asks. */
  finish(): void {
    while (this.#count !== 0) this.write(1, 1);
  }

  #flushByte(): void {
    this.bytes.push(this.#buffer);
    // A 0xFF in entropy-coded data must be followed by 0x00, or decoders read it as a marker.
    if (this.#buffer === 0xff) this.bytes.push(0);
    this.#buffer = 0;
    this.#count = 0;
  }
}

function toYCbCr([r, g, b]: Rgb): [number, number, number] {
  return [
    0.299 * r + 0.587 * g + 0.114 * b,
    -0.168736 * r - 0.331264 * g + 0.5 * b + 128,
    0.5 * r - 0.418688 * g - 0.081312 * b + 128,
  ];
}

function segment(marker: number, body: readonly number[]): number[] {
  const length = body.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...body];
}

/**
 * Encodes a `blocksWide × blocksHigh` grid of flat 8×8 blocks, each coloured by `colourAt(bx, by)`.
 */
export function encodeBlockJpeg(
  blocksWide: number,
  blocksHigh: number,
  colourAt: (bx: number, by: number) => Rgb,
): Buffer {
  const width = blocksWide * 8;
  const height = blocksHigh * 8;
  const header = [
    0xff,
    0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    // One quantisation table of ones: DC values are exact and nothing else is coded.
    ...segment(0xdb, [0, ...new Array<number>(64).fill(1)]),
    ...segment(0xc0, [
      8,
      height >> 8,
      height & 0xff,
      width >> 8,
      width & 0xff,
      3,
      1,
      0x11,
      0,
      2,
      0x11,
      0,
      3,
      0x11,
      0,
    ]),
    ...segment(0xc4, [0x00, ...STANDARD_DC_BITS, ...STANDARD_DC_VALUES]),
    // AC table with the single symbol 0x00 (end of block), code '0'.
    ...segment(0xc4, [0x10, 1, ...new Array<number>(15).fill(0), 0]),
    ...segment(0xda, [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]),
  ];
  const bits = new BitWriter();
  const previous = [0, 0, 0];
  for (let by = 0; by < blocksHigh; by++) {
    for (let bx = 0; bx < blocksWide; bx++) {
      const ycc = toYCbCr(colourAt(bx, by));
      for (let c = 0; c < 3; c++) {
        // The DC of a flat block is 8 × (level − 128) with this scaling of the 8×8 DCT.
        const dc = Math.max(-1024, Math.min(1016, Math.round(8 * (ycc[c]! - 128))));
        const diff = dc - previous[c]!;
        previous[c] = dc;
        const magnitude = Math.abs(diff);
        const category = 32 - Math.clz32(magnitude); // bits needed for the magnitude, 0 for 0
        const [code, length] = DC_CODES.get(category)!;
        bits.write(code, length);
        if (category > 0) bits.write(diff < 0 ? diff + (1 << category) - 1 : diff, category);
        bits.write(0, 1); // end of block
      }
    }
  }
  bits.finish();
  return Buffer.from([...header, ...bits.bytes, 0xff, 0xd9]);
}
