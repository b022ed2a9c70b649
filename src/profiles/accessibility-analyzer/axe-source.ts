import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

export interface AxeBundle {
  source: string;
  version: string;
}

let bundle: Promise<AxeBundle> | null = null;

/**
 * The minified axe-core script and its version, read once on first use. The minified build is what is
 * injected (650 kB against 1.5 MB for `axe.source`): parsing it is most of the injection's cost per page.
 * Read lazily, so that loading the profiles (every CLI start) does not pay for axe.
 */
export function axeBundle(): Promise<AxeBundle> {
  bundle ??= (async () => {
    const require = createRequire(import.meta.url);
    const [source, pkg] = await Promise.all([
      readFile(require.resolve('axe-core/axe.min.js'), 'utf8'),
      readFile(require.resolve('axe-core/package.json'), 'utf8'),
    ]);
    return { source, version: (JSON.parse(pkg) as { version: string }).version };
  })();
  bundle.catch(() => {
    bundle = null;
  });
  return bundle;
}
