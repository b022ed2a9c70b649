import { describe, expect, it } from 'vitest';
import { scanCurrencyMarks } from '../../src/normalize/currency-table.js';

const marks = (text: string) => scanCurrencyMarks(text).map((m) => [m.text, m.start, m.end]);

describe('scanCurrencyMarks', () => {
  it('finds every mark left to right, the longest at each position', () => {
    expect(marks('US$:12.99')).toEqual([['US$', 0, 3]]);
    expect(marks('1 890 руб. или 20 €')).toEqual([
      ['руб.', 6, 10],
      ['€', 18, 19],
    ]);
    expect(marks('from $5 to C$7')).toEqual([
      ['$', 5, 6],
      ['C$', 11, 13],
    ]);
  });

  it('does not read a mark inside a word: letters may not touch a mark that begins or ends with one', () => {
    expect(marks('Price')).toEqual([]);
    expect(marks('Kronor kr 12')).toEqual([['kr', 7, 9]]);
    expect(marks('12 zł')).toEqual([['zł', 3, 5]]);
    expect(marks('12 złoty')).toEqual([]);
  });

  it('reads a letter before a mark whole when it is outside the basic plane', () => {
    // U+1D41A (mathematical bold small a) is a letter written as a surrogate pair.
    expect(marks('\u{1D41A}kr 5')).toEqual([]);
    expect(marks('\u{1F600}kr 5')).toEqual([['kr', 2, 4]]);
  });

  it('finds nothing in a text without marks, and handles the empty text', () => {
    expect(marks('12.99')).toEqual([]);
    expect(marks('')).toEqual([]);
  });
});
