/**
 * Just enough of the WebAssembly binary format to write the dot-product kernels in TypeScript: LEB128
 * numbers, sections, and the opcodes the kernels use (core spec and the fixed-width SIMD proposal, which
 * V8 has shipped since Node 16). No assembler text, no dependency; the kernels read like stack code.
 */
export type Bytes = number[];

export function uleb(value: number): Bytes {
  const out: Bytes = [];
  let n = value >>> 0;
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

export function sleb(value: number): Bytes {
  const out: Bytes = [];
  let n = value | 0;
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const vector = (items: Bytes[]): Bytes => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: Bytes): Bytes => [id, ...uleb(body.length), ...body];
const name = (text: string): Bytes => vector([...Buffer.from(text, 'utf8')].map((b) => [b]));

export const I32 = 0x7f;
export const V128 = 0x7b;

/** The opcodes the kernels use. Memory operands: v128 aligned to 16 bytes, f32 to 4. */
export const op = {
  localGet: (i: number): Bytes => [0x20, ...uleb(i)],
  localSet: (i: number): Bytes => [0x21, ...uleb(i)],
  localTee: (i: number): Bytes => [0x22, ...uleb(i)],
  i32Const: (n: number): Bytes => [0x41, ...sleb(n)],
  i32Add: [0x6a],
  i32Sub: [0x6b],
  i32Ne: [0x47],
  i32Eqz: [0x45],
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  brIf: (depth: number): Bytes => [0x0d, ...uleb(depth)],
  f32Add: [0x92],
  f32Store: (offset: number): Bytes => [0x38, 2, ...uleb(offset)],
  v128Load: (offset: number): Bytes => [0xfd, 0x00, 4, ...uleb(offset)],
  v128Zero: [0xfd, 0x0c, ...new Array<number>(16).fill(0)],
  f32x4Add: [0xfd, 0xe4, 0x01],
  f32x4Mul: [0xfd, 0xe6, 0x01],
  f32x4ExtractLane: (lane: number): Bytes => [0xfd, 0x1f, lane],
} as const;

export interface WasmFunction {
  name: string;
  /** Parameter types (all results are empty: the kernels write to memory). */
  params: number[];
  /** Extra locals, as [count, type] runs. */
  locals: [number, number][];
  body: Bytes;
}

/**
 * A module that imports a shared memory (at most `maxPages` 64 KiB pages) as `env.memory` and exports the
 * given functions. Shared, so that worker threads can run the same functions over the same vectors.
 */
export function wasmModule(functions: WasmFunction[], maxPages: number): Uint8Array {
  const types = functions.map((f) => [0x60, ...vector(f.params.map((p) => [p])), 0]);
  // Limits flag 3: shared, with a maximum.
  const memoryImport = [...name('env'), ...name('memory'), 0x02, 0x03, ...uleb(1), ...uleb(maxPages)];
  const exports = functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]);
  const codes = functions.map((f) => {
    const body = [...vector(f.locals.map(([count, type]) => [...uleb(count), type])), ...f.body, ...op.end];
    return [...uleb(body.length), ...body];
  });
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector(types)),
    ...section(2, vector([memoryImport])),
    ...section(3, vector(functions.map((_, i) => uleb(i)))),
    ...section(7, vector(exports)),
    ...section(10, vector(codes)),
  ]);
}

/** The slice of the WebAssembly JS API the kernels use (the project's lib settings carry no DOM types). */
export interface WasmMemory {
  readonly buffer: SharedArrayBuffer;
  grow(pages: number): number;
}
export interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (
    module: object,
    imports: Record<string, Record<string, unknown>>,
  ) => {
    exports: Record<string, unknown>;
  };
  Memory: new (descriptor: { initial: number; maximum: number; shared: true }) => WasmMemory;
}

export const wasm: WasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
