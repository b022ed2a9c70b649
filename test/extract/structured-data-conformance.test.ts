// extruct's own samples (../shared/fixtures/structured-data, BSD-3, see its README) as a conformance suite:
// every case must give exactly extruct's expected output, RDFa compared as a graph (blank-node names aside)
// except where the case asks for the order-preserving exact form. The comparison is the one `gleaner eval
// structured-data` runs on any folder of this layout.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkStructuredDataCase, loadStructuredDataCases } from '../../src/evaluation/index.js';

const FOLDER = fileURLToPath(new URL('../../../shared/fixtures/structured-data/', import.meta.url));
const CASES = await loadStructuredDataCases(FOLDER);

describe('structured-data conformance (extruct samples)', () => {
  it('has the 27 cases', () => {
    expect(CASES).toHaveLength(27);
  });

  it.each(CASES.map((item) => [item.id, item] as const))('%s', async (_id, item) => {
    expect(await checkStructuredDataCase(FOLDER, item)).toEqual({ pass: true, detail: expect.any(String) });
  });
});
