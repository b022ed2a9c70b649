// Reads a V8 .cpuprofile (node --cpu-prof) and answers "where does the time go": self time by function
// and by area (a package, a Gleaner module, PGlite's wasm, GC), optionally only inside a time window
// (the mining job, without start-up).
import { readFileSync } from 'node:fs';
import { SourceMap, type SourceMapping } from 'node:module';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  windowMs: number;
  /** Sampled time not spent idle: JS, wasm, GC and native work on the main thread. */
  busyMs: number;
  byArea: SelfTime[];
  byFunction: SelfTime[];
}

/** Where a frame's code lives: the npm package, the Gleaner module, node's internals, or V8 itself. */
export function areaOf(url: string, functionName: string): string {
  if (url === '') return functionName === '' ? '(anonymous native)' : functionName; // (garbage collector), (idle), (program)
  if (url.startsWith('wasm://')) return 'wasm (PGlite: Postgres)';
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[1] ?? url.slice(5)}`;
  // The last node_modules segment names the package that owns the code.
  const pkg = [...url.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].at(-1);
  if (pkg !== undefined) return pkg[1]!;
  const gleaner = /\/(?:dist|src)\/([^/]+)\/([^/]+)\.[jt]s$/.exec(url); // built, or run through tsx
  if (gleaner !== null) return `gleaner ${gleaner[1]}/${gleaner[2]}`;
  return url.replace(/^file:\/\//, '');
}

const sourceMaps = new Map<string, SourceMap | null>();

/**
 * The original name and place of a frame in a bundled, minified package (PGlite ships as chunks whose
 * functions are called `U` or `Rn`), from the source map beside the file; null without one.
 */
function originalOf(url: string, line: number, column: number): string | null {
  if (!url.startsWith('file://') || !url.includes('/node_modules/')) return null;
  const file = fileURLToPath(url);
  let map = sourceMaps.get(file);
  if (map === undefined) {
    try {
      map = new SourceMap(
        JSON.parse(readFileSync(`${file}.map`, 'utf8')) as ConstructorParameters<typeof SourceMap>[0],
      );
    } catch {
      map = null; // no map: the frame keeps its own name
    }
    sourceMaps.set(file, map);
  }
  // Node's entry carries the mapping's `name` too, which its types leave out.
  const entry = map?.findEntry(line, column) as Partial<SourceMapping & { name: string }> | undefined;
  if (entry?.originalSource === undefined) return null;
  const place = `${entry.originalSource.replace(/^(\.\.\/)+/, '')}:${(entry.originalLine ?? 0) + 1}`;
  return entry.name === undefined ? place : `${entry.name} ${place}`;
}

/**
 * Self time per function and per area. `fromMs`/`toMs` are offsets from the profile's start; samples
 * outside are dropped. Shares are of the window's total.
 */
export function summariseProfile(
  file: string,
  window: { fromMs?: number; toMs?: number } = {},
  top = 25,
): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  const from = (window.fromMs ?? 0) * 1000;
  const to = (window.toMs ?? Infinity) * 1000;
  let elapsed = 0;
  let total = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    // timeDeltas[i] is the time before sample i; charging it to sample i is V8's own convention.
    const delta = profile.timeDeltas[i] ?? 0;
    elapsed += delta;
    if (elapsed < from || elapsed > to) return;
    const { functionName, url, lineNumber, columnNumber } = byId.get(id)!.callFrame;
    const area = areaOf(url, functionName);
    const where =
      url === '' ? '' : ` ${url.replace(/^.*\/(node_modules|dist|src)\//, '$1/')}:${lineNumber + 1}`;
    const source = originalOf(url, lineNumber, columnNumber);
    const name = `${functionName || '(anonymous)'}${where}${source === null ? '' : ` = ${source}`}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + delta);
    byArea.set(area, (byArea.get(area) ?? 0) + delta);
    total += delta;
    if (functionName === '(idle)') idle += delta;
  });
  const rank = (m: Map<string, number>): SelfTime[] =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, share: total === 0 ? 0 : us / total }));
  return {
    windowMs: total / 1000,
    busyMs: (total - idle) / 1000,
    byArea: rank(byArea),
    byFunction: rank(byFunction),
  };
}

export function formatSummary(title: string, summary: ProfileSummary, functions = true): string[] {
  const row = (t: SelfTime): string =>
    `  ${(t.share * 100).toFixed(1).padStart(5)}%  ${t.ms.toFixed(0).padStart(6)} ms  ${t.name}`;
  const busy = summary.windowMs === 0 ? 0 : (summary.busyMs / summary.windowMs) * 100;
  return [
    `${title}: ${(summary.windowMs / 1000).toFixed(2)} s, main thread busy ${busy.toFixed(0)}%`,
    '  by area:',
    ...summary.byArea.map(row),
    ...(functions ? ['  by function:', ...summary.byFunction.map(row)] : []),
  ];
}
