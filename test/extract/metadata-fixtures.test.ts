// metascraper's saved pages and expectations (../shared/fixtures/page-metadata, MIT, see its README): the
// per-field accuracy of the page metadata, printed, with a floor per field.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  METADATA_FIELDS,
  evaluatePageMetadata,
  type MetadataField,
  type PageMetadataCase,
} from '../../src/extract/metadata-accuracy.js';

const FIXTURES = new URL('../../../shared/fixtures/page-metadata/', import.meta.url);
const readText = (path: string): string => readFileSync(new URL(path, FIXTURES), 'utf8');

interface CaseLine {
  id: string;
  html: string;
  url: string;
  expected: string;
  excluded_keys: string[];
}

function readCases(): PageMetadataCase[] {
  return readText('cases.jsonl')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CaseLine)
    .map((item) => ({
      id: item.id,
      url: item.url,
      html: readText(item.html),
      expected: JSON.parse(readText(item.expected)) as Record<string, unknown>,
      excludedKeys: item.excluded_keys,
    }));
}

// Measured when written (29 cases; scored = cases whose expected.json has the key and does not exclude it):
// title 29/29, description 28/29, author 29/29, publisher 28/29, date 25/25, image 27/29, logo 16/23,
// lang 28/29, url 29/29, audio 25/27, video 29/29; all fields 0.954. Each floor allows about one more miss,
// so that a change made for the general case is not held hostage by one page. The misses, and why they are
// not chased (each would take a rule keyed to the page or the network):
// - logo (7): metascraper checks each icon over the network and reports the address it ends at: a redirect
//   target (ft, inc), a root /favicon.ico that replaced a dead declared icon (smitten-kitchen, venture-beat),
//   the new domain of a moved site (the-register), or an icon absent from the saved page (engadget, the-verge);
// - audio (2): the bfi episode is inside an <iframe> metascraper fetches; the guardian's "audio" is
//   /preference/edition/au, a link that metascraper reads as a Sun .au file;
// - image (2): metascraper's belfusto image is a lazy-loading placeholder (a data: SVG), ours the real
//   image; its the-verge image is the poster of an embedded video, ours the og:image;
// - publisher (1): astier's title is "Linux Engineer's random thoughts - awk driven IoT" where the second
//   part is the headline (<h1>); metascraper takes the last part, we the blog's name;
// - description (1): yandex's expected text is not in the saved page's metadata;
// - lang (1): postplanner declares en-us only in http-equiv Content-Language, which metascraper ignores.
const FLOORS: Record<MetadataField, number> = {
  title: 0.96,
  description: 0.93,
  author: 0.96,
  publisher: 0.93,
  date: 0.96,
  image: 0.89,
  logo: 0.65,
  lang: 0.93,
  url: 0.96,
  audio: 0.88,
  video: 0.96,
};
const ALL_FIELDS_FLOOR = 0.93;

describe('page-metadata fixtures (metascraper)', () => {
  it('reads every field at or above its floor', () => {
    const cases = readCases();
    expect(cases.length).toBe(29);
    const result = evaluatePageMetadata(cases);
    const lines = METADATA_FIELDS.map((field) => {
      const { right, total, accuracy, misses } = result.fields[field];
      const missed = misses.map((miss) => miss.id).join(', ');
      return `  ${field.padEnd(12)} ${right}/${total} = ${(accuracy ?? 0).toFixed(3)}${missed === '' ? '' : `  misses: ${missed}`}`;
    });
    console.log(
      `page-metadata (${result.n} cases), all fields ${(result.fieldAccuracy ?? 0).toFixed(3)}\n${lines.join('\n')}`,
    );
    for (const field of METADATA_FIELDS) {
      expect(result.fields[field].total, field).toBeGreaterThan(0);
      expect(result.fields[field].accuracy, field).toBeGreaterThanOrEqual(FLOORS[field]);
    }
    expect(result.fieldAccuracy).toBeGreaterThanOrEqual(ALL_FIELDS_FLOOR);
  });
});
