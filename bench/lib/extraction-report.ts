// Figures and tables for bench/extraction.ts: what each child reports, the medians over runs, the
// Gleaner/extruct ratios against the target, and a markdown block to paste into BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { median } from './report.js';

/** Every syntax, named as extruct names them; both tools extract all of them. */
export const SYNTAXES = ['json-ld', 'microdata', 'opengraph', 'microformat', 'rdfa', 'dublincore'] as const;
/** The keys of `counts`: the syntax names without punctuation. */
const COUNT_KEYS = SYNTAXES.map((s) => s.replace('-', ''));
export const TARGET = 3;

export type Tool = 'gleaner' | 'gleaner-structured' | 'extruct';

/** One input set as one child timed it. */
export interface SetResult {
  set: string;
  pages: number;
  /** Times every page was extracted (K). */
  passes: number;
  extractions: number;
  /** The timed passes, warm-up and file reading excluded. */
  seconds: number;
  msPerPage: { median: number; p95: number; mean: number };
  pagesPerSecond: number;
  /**
   * CPU time of the whole process over the timed passes (every thread: pinned, they share the one core).
   * Below `seconds` when other processes took the core for a while: extractions / cpuSeconds is then the
   * steadier figure.
   */
  cpuSeconds: number;
  /** Items found per syntax in the first pass: the same work done by both. */
  counts: Record<string, number>;
  /** Per pass: Gleaner's calls that threw; extruct's syntaxes that raised (logged, the page kept). */
  errors: number;
  /** Gleaner only: the timed passes on V8's profile clock (µs), to place them in a CPU profile. */
  window?: { startUs: number; endUs: number };
}

export interface ChildResult {
  tool: Tool;
  sets: SetResult[];
}

export interface ToolRun extends ChildResult {
  round: number;
  command: string;
  wallSeconds: number;
  peakRssMb: number;
  cpuSeconds: number;
}

export interface Machine {
  date: string;
  nproc: number;
  cpuModel: string;
  node: string;
  python: string;
  extruct: string;
  /** `taskset -c 0`, or why the children were not pinned. */
  pinning: string;
}

const run = (command: string, args: string[]): string =>
  execFileSync(command, args, { encoding: 'utf8' }).trim();

export function describeMachine(pinning: string): Machine {
  const cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
  const python = run('/usr/bin/python3', ['-c', 'import platform; print(platform.python_version())']);
  const extruct = run('/usr/bin/python3', [
    '-c',
    'import importlib.metadata as m; print(m.version("extruct"))',
  ]);
  let debian = '';
  try {
    debian = ` (Debian python3-extruct ${run('dpkg-query', ['-W', '-f=${Version}', 'python3-extruct'])})`;
  } catch {
    // not from Debian's package: the module's own version is enough
  }
  return {
    date: new Date().toISOString().slice(0, 10),
    nproc: availableParallelism(),
    cpuModel,
    node: process.version,
    python,
    extruct: `${extruct}${debian}`,
    pinning,
  };
}

export interface Summary {
  tool: Tool;
  set: string;
  pages: number;
  passes: number;
  msMedian: number;
  msP95: number;
  msMean: number;
  pagesPerSecond: number;
  eachRun: number[];
  /** Extractions per second of the process's own CPU time: blind to other processes taking the core. */
  pagesPerCpuSecond: number;
  eachRunCpu: number[];
  /** CPU time over wall time in the timed passes: below 100% when the core was shared. */
  cpuShare: number;
  peakRssMb: number;
  counts: Record<string, number>;
  errors: number;
}

export function summarise(runs: ToolRun[], tool: Tool, set: string): Summary | undefined {
  const mine = runs.filter((r) => r.tool === tool);
  const results = mine.flatMap((r) => r.sets.filter((s) => s.set === set));
  const first = results[0];
  if (first === undefined) return undefined;
  const of = (f: (s: SetResult) => number): number => median(results.map(f));
  return {
    tool,
    set,
    pages: first.pages,
    passes: of((s) => s.passes),
    msMedian: of((s) => s.msPerPage.median),
    msP95: of((s) => s.msPerPage.p95),
    msMean: of((s) => s.msPerPage.mean),
    pagesPerSecond: of((s) => s.pagesPerSecond),
    eachRun: results.map((s) => s.pagesPerSecond),
    pagesPerCpuSecond: of((s) => s.extractions / s.cpuSeconds),
    eachRunCpu: results.map((s) => s.extractions / s.cpuSeconds),
    cpuShare: of((s) => s.cpuSeconds / s.seconds),
    peakRssMb: median(mine.map((r) => r.peakRssMb)),
    counts: first.counts,
    errors: of((s) => s.errors),
  };
}

export interface Ratio {
  set: string;
  tool: Tool;
  value: number;
  /** Paired by round: Gleaner's pages/s over extruct's in the same round. */
  eachRun: number[];
  /** The same in pages per CPU second. */
  cpu: number;
  eachRunCpu: number[];
}

export function ratio(ours: Summary, extruct: Summary): Ratio {
  return {
    set: ours.set,
    tool: ours.tool,
    value: ours.pagesPerSecond / extruct.pagesPerSecond,
    eachRun: ours.eachRun.map((v, i) => v / extruct.eachRun[i]!),
    cpu: ours.pagesPerCpuSecond / extruct.pagesPerCpuSecond,
    eachRunCpu: ours.eachRunCpu.map((v, i) => v / extruct.eachRunCpu[i]!),
  };
}

const TOOL_NAMES: Record<Tool, string> = {
  gleaner: 'Gleaner `extractPage`',
  'gleaner-structured': 'Gleaner `extractStructuredData`',
  extruct: 'extruct `extract`',
};

const f = (n: number, digits: number): string => n.toFixed(digits);

export function markdownTable(rows: Summary[]): string[] {
  return [
    `| tool | pages × passes | ms/page median | ms/page p95 | ms/page mean | pages/s | pages/CPU-s | CPU share | peak RSS MB | items found (${COUNT_KEYS.join(' / ')}) | failures |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|',
    ...rows.map(
      (s) =>
        `| ${TOOL_NAMES[s.tool]} | ${s.pages} × ${s.passes} | ${f(s.msMedian, 2)} | ${f(s.msP95, 2)} | ${f(s.msMean, 2)} | **${f(s.pagesPerSecond, 1)}** | ${f(s.pagesPerCpuSecond, 1)} | ${f(s.cpuShare * 100, 0)}% | ${f(s.peakRssMb, 0)} | ${COUNT_KEYS.map((k) => s.counts[k] ?? '–').join(' / ')} | ${s.errors} |`,
    ),
  ];
}

export function ratioLine(r: Ratio): string {
  const verdict = r.value >= TARGET ? 'met' : '**missed**';
  const each = (values: number[]): string => values.map((v) => v.toFixed(2)).join(', ');
  return (
    `- ${TOOL_NAMES[r.tool]} / extruct, pages/s: ${r.value.toFixed(2)}× (target ≥ ${TARGET}×; each run: ${each(r.eachRun)}): ${verdict}; ` +
    `pages per CPU second: ${r.cpu.toFixed(2)}× (each run: ${each(r.eachRunCpu)})`
  );
}

/** Whether Gleaner found what extruct found, syntax by syntax: the ratio means little where it did not. */
export function sameWorkLine(ours: Summary, extruct: Summary): string {
  const missing = COUNT_KEYS.filter((k) => ours.counts[k] === undefined);
  const differ = COUNT_KEYS.filter(
    (k) => ours.counts[k] !== undefined && ours.counts[k] !== extruct.counts[k],
  );
  const parts = [
    ...(missing.length > 0 ? [`**not the same work**: no ${missing.join(', ')} in its output`] : []),
    ...differ.map((k) => `${k} ${ours.counts[k]} items against extruct's ${extruct.counts[k] ?? 0}`),
  ];
  return `- ${TOOL_NAMES[ours.tool]}, items found: ${parts.length === 0 ? 'as many as extruct in every syntax' : parts.join('; ')}`;
}

export function runTable(runs: ToolRun[]): string[] {
  return [
    '| round | tool | set | passes | ms/page median | p95 | pages/s | CPU share | process wall s | process CPU s | peak RSS MB |',
    '|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...runs.flatMap((r) =>
      r.sets.map(
        (s) =>
          `| ${r.round + 1} | ${r.tool} | ${s.set} | ${s.passes} | ${f(s.msPerPage.median, 2)} | ${f(s.msPerPage.p95, 2)} | ${f(s.pagesPerSecond, 1)} | ${f((s.cpuSeconds / s.seconds) * 100, 0)}% | ${f(r.wallSeconds, 1)} | ${f(r.cpuSeconds, 1)} | ${f(r.peakRssMb, 0)} |`,
      ),
    ),
  ];
}
