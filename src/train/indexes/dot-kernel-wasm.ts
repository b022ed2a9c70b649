import { I32, V128, op, wasm, wasmModule, type Bytes, type WasmFunction } from './wasm-encoding.js';

/*
 * The two dot-product loops of the flat index, in WebAssembly SIMD (four float lanes per instruction).
 * Plain JavaScript computes in scalar doubles; these loops run 4-5× faster on one core, and that is what
 * puts exact search level with FAISS (see BENCHMARKS.md). Addresses and sizes are in bytes; every row is
 * padded to a multiple of 16 floats (64 bytes), so the loops need no remainder handling.
 */

/** Sum the four lanes of a v128 local and store the float at `address + offset`. */
function storeLaneSum(address: Bytes, acc: number, offset: number): Bytes {
  return [
    ...address,
    ...op.localGet(acc),
    ...op.f32x4ExtractLane(0),
    ...op.localGet(acc),
    ...op.f32x4ExtractLane(1),
    ...op.f32Add,
    ...op.localGet(acc),
    ...op.f32x4ExtractLane(2),
    ...op.localGet(acc),
    ...op.f32x4ExtractLane(3),
    ...op.f32Add,
    ...op.f32Add,
    ...op.f32Store(offset),
  ];
}

/** acc += load(a + j + offset) * load(b + j + offset) */
function multiplyAdd(acc: number, a: number, b: number, j: number, offset: number): Bytes {
  return [
    ...op.localGet(acc),
    ...op.localGet(a),
    ...op.localGet(j),
    ...op.i32Add,
    ...op.v128Load(offset),
    ...op.localGet(b),
    ...op.localGet(j),
    ...op.i32Add,
    ...op.v128Load(offset),
    ...op.f32x4Mul,
    ...op.f32x4Add,
    ...op.localSet(acc),
  ];
}

const add = (local: number, amount: Bytes): Bytes => [
  ...op.localGet(local),
  ...amount,
  ...op.i32Add,
  ...op.localSet(local),
];

/**
 * dotsOne(x, rows, rowBytes, q, out): out[i] = <row i, q> for `rows` rows from `x`. Four accumulators
 * over 16 floats per step keep four independent add chains in flight.
 */
function dotsOne(): WasmFunction {
  const [x, rows, rowBytes, q, out, j, a0, a1, a2, a3] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
  const body: Bytes = [
    ...op.block,
    ...op.localGet(rows),
    ...op.i32Eqz,
    ...op.brIf(0),
    ...op.loop,
    ...[a0, a1, a2, a3].flatMap((a) => [...op.v128Zero, ...op.localSet(a)]),
    ...op.i32Const(0),
    ...op.localSet(j),
    ...op.loop,
    ...multiplyAdd(a0, x, q, j, 0),
    ...multiplyAdd(a1, x, q, j, 16),
    ...multiplyAdd(a2, x, q, j, 32),
    ...multiplyAdd(a3, x, q, j, 48),
    ...op.localGet(j),
    ...op.i32Const(64),
    ...op.i32Add,
    ...op.localTee(j),
    ...op.localGet(rowBytes),
    ...op.i32Ne,
    ...op.brIf(0),
    ...op.end,
    // a0 = (a0 + a1) + (a2 + a3)
    ...op.localGet(a0),
    ...op.localGet(a1),
    ...op.f32x4Add,
    ...op.localGet(a2),
    ...op.localGet(a3),
    ...op.f32x4Add,
    ...op.f32x4Add,
    ...op.localSet(a0),
    ...storeLaneSum(op.localGet(out), a0, 0),
    ...add(out, op.i32Const(4)),
    ...add(x, op.localGet(rowBytes)),
    ...op.localGet(rows),
    ...op.i32Const(1),
    ...op.i32Sub,
    ...op.localTee(rows),
    ...op.brIf(0),
    ...op.end,
    ...op.end,
  ];
  return {
    name: 'dotsOne',
    params: [I32, I32, I32, I32, I32],
    locals: [
      [1, I32],
      [4, V128],
    ],
    body,
  };
}

/**
 * dotsFour(x, rows, rowBytes, q, out, outStride): four queries (contiguous, `rowBytes` apart) against
 * `rows` rows (an even count), two rows at a time: each loaded row chunk serves four queries and each
 * query chunk two rows, so eight accumulators share six loads. Query c's scores go to `out + c*outStride`.
 */
function dotsFour(): WasmFunction {
  const [x, rows, rowBytes, q0, out0, outStride] = [0, 1, 2, 3, 4, 5] as const;
  const [j, x1, q1, q2, q3, out1, out2, out3] = [6, 7, 8, 9, 10, 11, 12, 13] as const;
  const acc = (r: number, c: number): number => 14 + r * 4 + c;
  const [xv0, xv1, qv] = [22, 23, 24] as const;
  const queries = [q0, q1, q2, q3];
  const outs = [out0, out1, out2, out3];
  const step: Bytes = [
    ...op.localGet(x),
    ...op.localGet(j),
    ...op.i32Add,
    ...op.v128Load(0),
    ...op.localSet(xv0),
    ...op.localGet(x1),
    ...op.localGet(j),
    ...op.i32Add,
    ...op.v128Load(0),
    ...op.localSet(xv1),
  ];
  queries.forEach((qc, c) => {
    step.push(...op.localGet(qc), ...op.localGet(j), ...op.i32Add, ...op.v128Load(0), ...op.localSet(qv));
    [xv0, xv1].forEach((xv, r) => {
      const a = acc(r, c);
      step.push(
        ...op.localGet(a),
        ...op.localGet(xv),
        ...op.localGet(qv),
        ...op.f32x4Mul,
        ...op.f32x4Add,
        ...op.localSet(a),
      );
    });
  });
  const setup: Bytes = [];
  [q1, q2, q3].forEach((qc, i) =>
    setup.push(...op.localGet(queries[i]!), ...op.localGet(rowBytes), ...op.i32Add, ...op.localSet(qc)),
  );
  [out1, out2, out3].forEach((oc, i) =>
    setup.push(...op.localGet(outs[i]!), ...op.localGet(outStride), ...op.i32Add, ...op.localSet(oc)),
  );
  const stores: Bytes = [];
  for (let r = 0; r < 2; r++)
    for (let c = 0; c < 4; c++) stores.push(...storeLaneSum(op.localGet(outs[c]!), acc(r, c), r * 4));
  const body: Bytes = [
    ...setup,
    ...op.block,
    ...op.localGet(rows),
    ...op.i32Eqz,
    ...op.brIf(0),
    ...op.loop,
    ...Array.from({ length: 8 }, (_, i) => [...op.v128Zero, ...op.localSet(14 + i)]).flat(),
    ...op.localGet(x),
    ...op.localGet(rowBytes),
    ...op.i32Add,
    ...op.localSet(x1),
    ...op.i32Const(0),
    ...op.localSet(j),
    ...op.loop,
    ...step,
    ...op.localGet(j),
    ...op.i32Const(16),
    ...op.i32Add,
    ...op.localTee(j),
    ...op.localGet(rowBytes),
    ...op.i32Ne,
    ...op.brIf(0),
    ...op.end,
    ...stores,
    ...outs.flatMap((oc) => add(oc, op.i32Const(8))),
    ...op.localGet(x1),
    ...op.localGet(rowBytes),
    ...op.i32Add,
    ...op.localSet(x),
    ...op.localGet(rows),
    ...op.i32Const(2),
    ...op.i32Sub,
    ...op.localTee(rows),
    ...op.brIf(0),
    ...op.end,
    ...op.end,
  ];
  return {
    name: 'dotsFour',
    params: [I32, I32, I32, I32, I32, I32],
    locals: [
      [8, I32],
      [11, V128],
    ],
    body,
  };
}

export interface WasmDotExports {
  dotsOne(x: number, rows: number, rowBytes: number, q: number, out: number): void;
  dotsFour(x: number, rows: number, rowBytes: number, q: number, out: number, outStride: number): void;
}

/** WebAssembly memories address 32 bits: 65,536 pages of 64 KiB, 4 GiB. */
export const MAX_WASM_PAGES = 65_536;

let compiled: object | null | undefined;

/**
 * The compiled kernels, or null when this runtime has no WebAssembly SIMD or threads. Compiled once per
 * process; the module can be sent to worker threads.
 */
export function wasmDotModule(): object | null {
  if (compiled === undefined) {
    const bytes = wasmModule([dotsOne(), dotsFour()], MAX_WASM_PAGES);
    try {
      compiled = wasm.validate(bytes) ? new wasm.Module(bytes) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}
