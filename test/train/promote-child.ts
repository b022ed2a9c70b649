// A separate process promoting one version as soon as a file appears, for the model store's concurrency
// test (every child waits at the same start line):
//   node --import tsx test/train/promote-child.ts <store root> <version> <go file>
import { existsSync } from 'node:fs';
import { ModelStore } from '../../src/train/index.js';

const [root, version, goFile] = process.argv.slice(2);
const store = new ModelStore({ root: root! });
process.stdout.write('ready\n');
while (!existsSync(goFile!)) await new Promise((resolve) => setTimeout(resolve, 2));
const result = await store.promote(
  { kind: 'semantic-index', name: 'occupations', version: version! },
  { metric: 'top1', mustBeat: 'latest' },
);
process.stdout.write(`${JSON.stringify({ promoted: result.promoted, code: result.code })}\n`);
