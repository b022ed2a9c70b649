import { describe, expect, it } from 'vitest';
import { findDateInText, parseDate } from '../../src/extract/metadata-date-parse.js';

describe('parseDate', () => {
  it.each([
    // ISO 8601 and its relatives: offsets with and without a colon, a space for the T, no zone = UTC.
    ['2016-05-24T07:00:00-0700', '2016-05-24T14:00:00.000Z'],
    ['2025-09-05T03:00:00-07:00', '2025-09-05T10:00:00.000Z'],
    ['2016-02-09T05:01:59.000Z', '2016-02-09T05:01:59.000Z'],
    ['2020-12-30 02:13:22', '2020-12-30T02:13:22.000Z'],
    ['2016-05-24 14:44:00 EDT', '2016-05-24T18:44:00.000Z'],
    ['2016-05-24T05:55%Z', '2016-05-24T05:55:00.000Z'], // a broken template after the time
    // A date alone: ISO is midnight UTC (as ECMAScript reads it), words are noon UTC (the day in every zone).
    ['2017-09-06', '2017-09-06T00:00:00.000Z'],
    ['Thursday, September 29, 2016', '2016-09-29T12:00:00.000Z'],
    ['Sept. 5th, 2019', '2019-09-05T12:00:00.000Z'],
    // RFC 2822, asctime, and the forms news sites print.
    ['Fri, 22 Oct 2021 00:44:09 +0000', '2021-10-22T00:44:09.000Z'],
    ['Tue, 24 May 2016 14:44:00 EDT', '2016-05-24T18:44:00.000Z'],
    ['Thu, May 13 2021 14:01:31 EDT', '2021-05-13T18:01:31.000Z'],
    ['Tue May 24 05:55:00 2016', '2016-05-24T05:55:00.000Z'],
    ['May 24, 2016, 11:44am PDT', '2016-05-24T18:44:00.000Z'],
    ['Monday 3 July 2017 20.17 BST', '2017-07-03T19:17:00.000Z'],
    ['Tue 3 May 2016 // 16:26 UTC', '2016-05-03T16:26:00.000Z'],
    ['May 24, 2016, 10:49 PM GMT+2', '2016-05-24T20:49:00.000Z'],
    // "PT" and "ET" without saying daylight or standard: the US rule for that date decides.
    ['May 24, 2016 7:00 a.m. PT', '2016-05-24T14:00:00.000Z'],
    ['Dec 24, 2016 7:00 a.m. PT', '2016-12-24T15:00:00.000Z'],
    ['April 30, 2016 3 AM PT', '2016-04-30T10:00:00.000Z'],
    // Other languages.
    ['3 de julio de 2017', '2017-07-03T12:00:00.000Z'],
    ['3. März 2017 um 14:30 MEZ', '2017-03-03T13:30:00.000Z'],
    ['3 января 2020', '2020-01-03T12:00:00.000Z'],
    // Numeric dates: dotted is day first; a day above 12 says which is which; else month first by default.
    ['31.05.2022', '2022-05-31T12:00:00.000Z'],
    ['06/16/2023', '2023-06-16T12:00:00.000Z'],
    ['16/06/2023', '2023-06-16T12:00:00.000Z'],
    ['03/04/2019', '2019-03-04T12:00:00.000Z'],
    // Unix timestamps in seconds and milliseconds, as numbers or digits; compact dates; a year alone.
    [1499109474000, '2017-07-03T19:17:54.000Z'],
    [1499109474, '2017-07-03T19:17:54.000Z'],
    ['1499109474000', '2017-07-03T19:17:54.000Z'],
    ['20160524', '2016-05-24T00:00:00.000Z'],
    ['2016', '2016-01-01T00:00:00.000Z'],
  ])('%s → %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it('takes zone abbreviations only in capitals: "et" and "est" are also words', () => {
    expect(parseDate('3 mai 2019 10h30 et 11h')).toBe('2019-05-03T10:30:00.000Z');
    expect(parseDate('3 May 2019 10:30 ET')).toBe('2019-05-03T14:30:00.000Z');
    expect(parseDate('May 3, 2019 10:30 gmt+2')).toBe('2019-05-03T08:30:00.000Z');
  });

  it('reads ambiguous numeric dates day first when asked (the page is not American English)', () => {
    expect(parseDate('03/04/2019', { dayFirst: true })).toBe('2019-04-03T12:00:00.000Z');
    expect(parseDate('06/16/2023', { dayFirst: true })).toBe('2023-06-16T12:00:00.000Z');
  });

  it.each([
    ['0000-00-00 00:00:00'], // WordPress's empty date
    ['1970-01-01T00:00:00Z'], // a null timestamp
    ['0001-01-01T00:00:00'], // .NET's default
    ['1989-12-31'], // older than the web
    ['2100-01-01'], // not a publication date
    ['February 30, 2019'],
    ['2019-13-01'],
    ['2019-05-05T25:00:00Z'],
    ['May 5, 2019 13:00 pm'],
    ['2 days ago'],
    ['yesterday'],
    ['12 comments'],
    ['version 1.2.3'],
    ['12345'],
    [''],
    ['   '],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [null],
    [undefined],
    [{ date: '2019-05-05' }],
    [['2019-05-05']],
  ])('rejects %j', (input) => {
    expect(parseDate(input)).toBeNull();
  });
});

describe('findDateInText', () => {
  it('finds the first date in a byline, with the time and zone after it', () => {
    const text = 'By J Vignesh, ET Bureau|12 Jan, 2016, 10.34PM IST';
    const found = findDateInText(text);
    expect(found?.iso).toBe('2016-01-12T17:04:00.000Z');
    expect(text.slice(found?.start, found?.end)).toBe('12 Jan, 2016, 10.34PM IST');
  });

  it('reports where the date starts, so that a name before it can be kept', () => {
    expect(findDateInText('Scott Stein May 24, 2016 7:00 a.m. PT')).toEqual({
      iso: '2016-05-24T14:00:00.000Z',
      start: 12,
      end: 37,
    });
  });

  it('does not take an hour alone, or words that contain a month name, for a date', () => {
    expect(findDateInText('May 16, 2016 | 10 comments')?.iso).toBe('2016-05-16T12:00:00.000Z');
    expect(findDateInText('Marketing 2016 report: 5 Decembrists')).toBeNull();
    expect(findDateInText('no digits here')).toBeNull();
  });

  it('searches only the beginning of a long text', () => {
    expect(findDateInText(`${'word '.repeat(200)} May 16, 2016`)).toBeNull();
  });
});
