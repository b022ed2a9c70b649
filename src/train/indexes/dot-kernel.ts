import { InvalidInputError } from '../../core/index.js';
import { MAX_WASM_PAGES, wasmDotModule, type WasmDotExports } from './dot-kernel-wasm.js';
import { wasm, type WasmMemory } from './wasm-encoding.js';

/**
 * The memory a flat index keeps its rows in, and the loops that take dot products over it. Two
 * implementations with one contract: WebAssembly SIMD (the default) and plain JavaScript (the fallback
 * when a runtime lacks WebAssembly SIMD, and the reference the tests hold the SIMD loops to).
 *
 * Offsets and counts are in floats. Rows are `stride` floats apart, `stride` a multiple of
 * {@link ROW_ALIGN_FLOATS}; the padding floats are zero, so they add nothing to a dot product.
 */
export type KernelChoice = 'auto' | 'wasm' | 'js';
export type KernelName = 'wasm-simd' | 'js';

export interface DotKernel {
  readonly name: KernelName;
  /** The shared memory and compiled module worker threads instantiate; null for the JavaScript loop. */
  readonly shared: { memory: WasmMemory; module: object } | null;
  /** The whole memory as floats. A new view after {@link DotKernel.ensure} grows the memory: re-read it. */
  readonly floats: Float32Array;
  /** Grow the memory to at least `floatCount` floats, keeping its content; new floats are zero. */
  ensure(floatCount: number): void;
  /** `out[i] = <row i, query>` for `rows` rows starting at `rowAt`. */
  dotsOne(rowAt: number, rows: number, stride: number, queryAt: number, outAt: number): void;
  /**
   * Four queries (`stride` apart from `queriesAt`) against `rows` rows (an even count; the row after an
   * odd last row must be readable): query c's scores go to `outAt + c * outStride`.
   */
  dotsFour(
    rowAt: number,
    rows: number,
    stride: number,
    queriesAt: number,
    outAt: number,
    outStride: number,
  ): void;
}

/** Rows are padded to 16 floats (64 bytes, a cache line): the SIMD loop takes 16 floats a step. */
export const ROW_ALIGN_FLOATS = 16;
const PAGE_BYTES = 65_536;

export function paddedStride(dimensions: number): number {
  return Math.ceil(dimensions / ROW_ALIGN_FLOATS) * ROW_ALIGN_FLOATS;
}

export function createDotKernel(choice: KernelChoice = 'auto'): DotKernel {
  if (choice === 'js') return new JsDotKernel();
  const module = wasmDotModule();
  if (module) return new WasmDotKernel(module);
  if (choice === 'wasm')
    throw new InvalidInputError(
      'kernel',
      'this JavaScript runtime has no WebAssembly SIMD; use kernel "auto" or "js" (Node.js 16 or later has it)',
    );
  return new JsDotKernel();
}

class WasmDotKernel implements DotKernel {
  readonly name = 'wasm-simd' as const;
  readonly shared: { memory: WasmMemory; module: object };
  // Shared (a SharedArrayBuffer), so that worker threads search the same rows: see flat-workers.ts.
  readonly #memory: WasmMemory = new wasm.Memory({ initial: 1, maximum: MAX_WASM_PAGES, shared: true });
  readonly #exports: WasmDotExports;
  #floats = new Float32Array(this.#memory.buffer);

  constructor(module: object) {
    this.shared = { memory: this.#memory, module };
    const instance = new wasm.Instance(module, { env: { memory: this.#memory } });
    this.#exports = instance.exports as unknown as WasmDotExports;
  }

  get floats(): Float32Array {
    return this.#floats;
  }

  ensure(floatCount: number): void {
    const pages = Math.ceil((floatCount * 4) / PAGE_BYTES);
    const current = this.#memory.buffer.byteLength / PAGE_BYTES;
    if (pages <= current) return;
    if (pages > MAX_WASM_PAGES)
      throw new InvalidInputError(
        'vectors',
        `a flat index holds at most 4 GiB of vectors (${Math.floor((MAX_WASM_PAGES * PAGE_BYTES) / 2 ** 20)} MiB); ` +
          `this one would need ${Math.ceil((floatCount * 4) / 2 ** 20)} MiB. Use an HNSW index, or split the vectors over several indexes.`,
      );
    // Grow by half again at least, so that adding vectors one batch at a time stays linear.
    this.#memory.grow(Math.min(MAX_WASM_PAGES, Math.max(pages, Math.ceil(current * 1.5))) - current);
    this.#floats = new Float32Array(this.#memory.buffer);
  }

  dotsOne(rowAt: number, rows: number, stride: number, queryAt: number, outAt: number): void {
    this.#exports.dotsOne(rowAt * 4, rows, stride * 4, queryAt * 4, outAt * 4);
  }

  dotsFour(rowAt: number, rows: number, stride: number, queriesAt: number, outAt: number, outStride: number) {
    const even = rows + (rows & 1);
    this.#exports.dotsFour(rowAt * 4, even, stride * 4, queriesAt * 4, outAt * 4, outStride * 4);
  }
}

class JsDotKernel implements DotKernel {
  readonly name = 'js' as const;
  readonly shared = null;
  #floats = new Float32Array(0);

  get floats(): Float32Array {
    return this.#floats;
  }

  ensure(floatCount: number): void {
    if (floatCount <= this.#floats.length) return;
    const grown = new Float32Array(Math.max(floatCount, Math.ceil(this.#floats.length * 1.5)));
    grown.set(this.#floats);
    this.#floats = grown;
  }

  dotsOne(rowAt: number, rows: number, stride: number, queryAt: number, outAt: number): void {
    jsDots(this.#floats, rowAt, rows, stride, queryAt, outAt);
  }

  dotsFour(rowAt: number, rows: number, stride: number, queriesAt: number, outAt: number, outStride: number) {
    for (let c = 0; c < 4; c++)
      jsDots(this.#floats, rowAt, rows, stride, queriesAt + c * stride, outAt + c * outStride);
  }
}

/** Eight independent accumulators: V8 keeps them in registers, and the adds do not wait on each other. */
function jsDots(m: Float32Array, rowAt: number, rows: number, stride: number, q: number, out: number): void {
  for (let i = 0, p = rowAt; i < rows; i++, p += stride) {
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let a4 = 0;
    let a5 = 0;
    let a6 = 0;
    let a7 = 0;
    for (let j = 0; j < stride; j += 8) {
      const r = p + j;
      const s = q + j;
      a0 += m[r]! * m[s]!;
      a1 += m[r + 1]! * m[s + 1]!;
      a2 += m[r + 2]! * m[s + 2]!;
      a3 += m[r + 3]! * m[s + 3]!;
      a4 += m[r + 4]! * m[s + 4]!;
      a5 += m[r + 5]! * m[s + 5]!;
      a6 += m[r + 6]! * m[s + 6]!;
      a7 += m[r + 7]! * m[s + 7]!;
    }
    m[out + i] = a0 + a1 + (a2 + a3) + (a4 + a5 + (a6 + a7));
  }
}
