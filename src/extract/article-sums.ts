import type { TextBlock } from './article-blocks.js';

/**
 * Running totals over the text blocks in document order. An element's blocks are a contiguous run, so
 * any total over an element (its text length, link text, commas, paragraphs) is one subtraction, and
 * judging every element of a deep tree stays linear.
 */
export interface BlockSums {
  chars: Float64Array;
  linkChars: Float64Array;
  commas: Float64Array;
  /** Blocks of a `<p>`. */
  paragraphs: Float64Array;
  /** Blocks in a list item, and their characters. */
  listItems: Float64Array;
  listChars: Float64Array;
  headingChars: Float64Array;
}

export function blockSums(blocks: readonly TextBlock[]): BlockSums {
  const n = blocks.length + 1;
  const sums: BlockSums = {
    chars: new Float64Array(n),
    linkChars: new Float64Array(n),
    commas: new Float64Array(n),
    paragraphs: new Float64Array(n),
    listItems: new Float64Array(n),
    listChars: new Float64Array(n),
    headingChars: new Float64Array(n),
  };
  for (let i = 0; i < blocks.length; i += 1) {
    const block = blocks[i] as TextBlock;
    accumulate(sums.chars, i, block.chars);
    accumulate(sums.linkChars, i, block.linkChars);
    accumulate(sums.commas, i, block.commas);
    accumulate(sums.paragraphs, i, block.owner.name === 'p' ? 1 : 0);
    accumulate(sums.listItems, i, block.inList ? 1 : 0);
    accumulate(sums.listChars, i, block.inList ? block.chars : 0);
    accumulate(sums.headingChars, i, block.heading > 0 ? block.chars : 0);
  }
  return sums;
}

/** The total of `running` over blocks `start` … `end - 1`. */
export function total(running: Float64Array, start: number, end: number): number {
  return (running[end] as number) - (running[start] as number);
}

export function linkDensity(sums: BlockSums, start: number, end: number): number {
  const chars = total(sums.chars, start, end);
  return chars > 0 ? total(sums.linkChars, start, end) / chars : 0;
}

function accumulate(running: Float64Array, i: number, value: number): void {
  running[i + 1] = (running[i] as number) + value;
}
