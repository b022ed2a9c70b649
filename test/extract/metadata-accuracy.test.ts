import { describe, expect, it } from 'vitest';
import {
  METADATA_FIELDS,
  comparableUrl,
  evaluatePageMetadata,
  metadataMetrics,
  sameMetadataValue,
  type PageMetadataCase,
} from '../../src/extract/metadata-accuracy.js';

const PAGE = 'http://example.com/news/story';

describe('sameMetadataValue', () => {
  it('compares text with typographic quotes, ellipses and whitespace as a reader would, words exactly', () => {
    expect(sameMetadataValue('title', 'Siri’s “speaker”…', `Siri's  "speaker"...`, PAGE)).toBe(true);
    expect(sameMetadataValue('title', 'Siri speaker', 'siri speaker', PAGE)).toBe(false);
    expect(sameMetadataValue('author', 'Jane Doe', 'Jane Doe Smith', PAGE)).toBe(false);
  });

  it('compares languages on their primary subtag', () => {
    expect(sameMetadataValue('lang', 'en', 'en-US', PAGE)).toBe(true);
    expect(sameMetadataValue('lang', 'pt', 'pt_BR', PAGE)).toBe(true);
    expect(sameMetadataValue('lang', 'en', 'es', PAGE)).toBe(false);
  });

  it('compares URLs resolved, without fragment, escapes decoded, http and https alike', () => {
    expect(
      sameMetadataValue('image', '/img/a (1).png#keep', 'https://example.com/img/a%20(1).png', PAGE),
    ).toBe(true);
    expect(
      sameMetadataValue('logo', 'https://example.com/a%28b%29.png', 'http://example.com/a(b).png', PAGE),
    ).toBe(true);
    expect(sameMetadataValue('url', 'https://example.com/a/', 'https://example.com/a', PAGE)).toBe(false);
    expect(sameMetadataValue('url', 'https://www.example.com/a', 'https://example.com/a', PAGE)).toBe(false);
    expect(comparableUrl('http://[bad', PAGE)).toBeNull();
  });

  it('compares dates as instants', () => {
    expect(sameMetadataValue('date', '2016-05-24T14:00:00.000Z', '2016-05-24T07:00:00-07:00', PAGE)).toBe(
      true,
    );
    expect(sameMetadataValue('date', '2016-05-24T14:00:00.000Z', '2016-05-24T14:00:01.000Z', PAGE)).toBe(
      false,
    );
    expect(sameMetadataValue('date', 'not a date', 'not a date', PAGE)).toBe(false);
  });

  it('scores an expected null: right only when nothing was found', () => {
    expect(sameMetadataValue('audio', null, null, PAGE)).toBe(true);
    expect(sameMetadataValue('audio', null, 'https://example.com/a.mp3', PAGE)).toBe(false);
    expect(sameMetadataValue('author', 'Jane Doe', null, PAGE)).toBe(false);
  });
});

describe('evaluatePageMetadata', () => {
  const html = `<html lang="en"><head><title>Story | Site</title>
    <meta name="author" content="Jane Doe"><meta property="og:url" content="/news/story">
    <meta property="article:modified_time" content="2019-03-06T10:00:00Z">
    <meta property="article:published_time" content="2019-03-05T10:00:00Z"></head></html>`;
  const item: PageMetadataCase = {
    id: 'one',
    url: PAGE,
    html,
    expected: {
      title: 'Story | Site',
      author: 'Someone Else',
      date: '2019-03-06T10:00:00.000Z',
      url: 'https://example.com/news/story',
      lang: 'en',
      video: null,
      logo: 'https://example.com/logo.png',
      unknown_field: 'ignored',
    },
    excludedKeys: ['logo'],
  };

  it("scores the keys present and not excluded, compares metascraper's date with the modification date", () => {
    const result = evaluatePageMetadata([item]);
    expect(result.n).toBe(1);
    expect(result.fields.title).toMatchObject({ right: 1, total: 1, accuracy: 1 });
    expect(result.fields.author).toMatchObject({ right: 0, total: 1, accuracy: 0 });
    expect(result.fields.author.misses).toEqual([
      { id: 'one', expected: 'Someone Else', actual: 'Jane Doe' },
    ]);
    expect(result.fields.date.accuracy).toBe(1);
    expect(result.fields.url.accuracy).toBe(1);
    expect(result.fields.video.accuracy).toBe(1);
    expect(result.fields.logo).toMatchObject({ total: 0, accuracy: null });
    expect(result.fields.description).toMatchObject({ total: 0, accuracy: null });
    expect(result.fieldAccuracy).toBeCloseTo(5 / 6);
  });

  it('gives no accuracy for no cases', () => {
    expect(evaluatePageMetadata([]).fieldAccuracy).toBeNull();
  });

  it('reports the metrics under the keys of the eval command', () => {
    const metrics = metadataMetrics(evaluatePageMetadata([item]));
    expect(Object.keys(metrics)).toEqual([
      'field_accuracy',
      ...METADATA_FIELDS.map((field) => `accuracy_${field}`),
    ]);
    expect(metrics['accuracy_title']).toBe(1);
    expect(metrics['accuracy_logo']).toBeNull();
  });
});
