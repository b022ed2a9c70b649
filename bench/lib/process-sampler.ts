// Samples the memory of a child process and its descendants while it runs (PSS from /proc smaps_rollup):
// one figure for the whole tree and one for its Chromium processes. PSS shares each shared page among the
// processes that map it, so a tree's sum does not count Chromium's binary once per process as RSS would.
import { readFileSync } from 'node:fs';
import { processTree } from '../../src/crawl/index.js';

export interface MemoryPeaks {
  /** Peak PSS of the whole tree (Node and Chromium), MB. */
  treePssMb: number;
  /** Peak PSS of the Chromium processes in the tree, MB. */
  chromiumPssMb: number;
  /** Most Chromium processes seen at once. */
  chromiumProcesses: number;
  samples: number;
}

export class ProcessSampler {
  readonly #pid: number;
  readonly #timer: NodeJS.Timeout;
  readonly #peaks: MemoryPeaks = { treePssMb: 0, chromiumPssMb: 0, chromiumProcesses: 0, samples: 0 };

  constructor(pid: number, intervalMs = 250) {
    this.#pid = pid;
    this.#timer = setInterval(() => this.sample(), intervalMs);
  }

  sample(): void {
    let tree = 0;
    let chromium = 0;
    let chromiumProcesses = 0;
    for (const pid of processTree(this.#pid)) {
      const pss = pssKb(pid);
      if (pss === null) continue;
      tree += pss;
      if (isChromium(pid)) {
        chromium += pss;
        chromiumProcesses += 1;
      }
    }
    const peaks = this.#peaks;
    peaks.samples += 1;
    peaks.treePssMb = Math.max(peaks.treePssMb, tree / 1024);
    peaks.chromiumPssMb = Math.max(peaks.chromiumPssMb, chromium / 1024);
    peaks.chromiumProcesses = Math.max(peaks.chromiumProcesses, chromiumProcesses);
  }

  stop(): MemoryPeaks {
    clearInterval(this.#timer);
    return { ...this.#peaks };
  }
}

function pssKb(pid: number): number | null {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

function isChromium(pid: number): boolean {
  try {
    return /chrom/i.test(readFileSync(`/proc/${pid}/comm`, 'utf8'));
  } catch {
    return false;
  }
}
