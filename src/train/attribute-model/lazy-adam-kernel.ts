/**
 * The first layer's kernel while it trains, with Adam applied lazily: a step updates only the rows (the
 * hashed columns) the batch used, as TensorFlow's `LazyAdamOptimizer` does for sparse inputs. A dense
 * step would touch all of the kernel's millions of weights for a batch that uses a few thousand rows;
 * measured on the wasm backend at 32,768 × 86, that step, and the full-size gradient it needs, cost
 * about ten times the rest of the training step. The kernel lives here, in plain arrays, until training
 * ends and it is written into the network's Dense layer; everything else trains in TensorFlow.js.
 *
 * Two regularisers: an L2 term in the gradient of the rows a step uses (lazy, like the step itself;
 * the default), and decoupled weight decay as in AdamW, applied to every row at every step in O(1): the
 * weights are kept as `scale × stored`, and a step multiplies `scale` (Bottou's trick for sparse SGD).
 * On the demo records the lazy L2 generalised better (colour and size of variants whose siblings are in
 * the training split), so weight decay is off by default.
 */
export interface LazyAdamOptions {
  learningRate: number;
  /** Decoupled weight decay: each step multiplies every weight by `1 − learningRate × weightDecay`. */
  weightDecay: number;
  /** L2 penalty added to the gradient of the rows a step uses. */
  l2: number;
  beta1?: number;
  beta2?: number;
  /** tfjs's own default for Adam (the backend epsilon). */
  epsilon?: number;
}

// Below this the stored weights are rescaled, before float32 loses their low bits.
const MIN_SCALE = 1e-3;

export class LazyAdamKernel {
  readonly rowCount: number;
  readonly units: number;
  readonly #stored: Float32Array;
  readonly #m: Float32Array;
  readonly #v: Float32Array;
  readonly #learningRate: number;
  readonly #decay: number;
  readonly #l2: number;
  readonly #beta1: number;
  readonly #beta2: number;
  readonly #epsilon: number;
  #scale = 1;
  #step = 0;

  constructor(initial: Float32Array, rowCount: number, units: number, options: LazyAdamOptions) {
    if (initial.length !== rowCount * units)
      throw new RangeError(`kernel of ${initial.length} weights is not ${rowCount} × ${units}`);
    this.rowCount = rowCount;
    this.units = units;
    this.#stored = initial;
    this.#m = new Float32Array(initial.length);
    this.#v = new Float32Array(initial.length);
    this.#learningRate = options.learningRate;
    this.#decay = 1 - options.learningRate * options.weightDecay;
    this.#l2 = 2 * options.l2;
    this.#beta1 = options.beta1 ?? 0.9;
    this.#beta2 = options.beta2 ?? 0.999;
    this.#epsilon = options.epsilon ?? 1e-7;
  }

  /** The whole kernel, `rowCount × units`. */
  get weights(): Float32Array {
    this.#fold();
    return this.#stored;
  }

  /** Rows `rows` side by side: a `rows.length × units` array. */
  gather(rows: Int32Array): Float32Array {
    const { units } = this;
    const out = new Float32Array(rows.length * units);
    for (let i = 0; i < rows.length; i++) {
      const base = rows[i]! * units;
      for (let k = 0; k < units; k++) out[i * units + k] = this.#stored[base + k]! * this.#scale;
    }
    return out;
  }

  /** One step: decay every weight, then Adam on rows `rows` with their gradient (`rows.length × units`). */
  update(rows: Int32Array, gradient: Float32Array): void {
    this.#step++;
    this.#scale *= this.#decay;
    if (this.#scale < MIN_SCALE) this.#fold();
    const { units } = this;
    const b1 = this.#beta1;
    const b2 = this.#beta2;
    const correction1 = 1 - b1 ** this.#step;
    const correction2 = 1 - b2 ** this.#step;
    const rate = this.#learningRate / this.#scale;
    const epsilon = this.#epsilon;
    const l2 = this.#l2 * this.#scale;
    // Locals, not fields, in the inner loop: this runs over every used weight of every step.
    const stored = this.#stored;
    const m = this.#m;
    const v = this.#v;
    for (let i = 0; i < rows.length; i++) {
      const base = rows[i]! * units;
      const gradientBase = i * units;
      for (let k = 0; k < units; k++) {
        const at = base + k;
        const g = gradient[gradientBase + k]! + l2 * stored[at]!;
        const mAt = (m[at] = b1 * m[at]! + (1 - b1) * g);
        const vAt = (v[at] = b2 * v[at]! + (1 - b2) * g * g);
        stored[at] = stored[at]! - (rate * (mAt / correction1)) / (Math.sqrt(vAt / correction2) + epsilon);
      }
    }
  }

  #fold(): void {
    if (this.#scale === 1) return;
    for (let i = 0; i < this.#stored.length; i++) this.#stored[i] = this.#stored[i]! * this.#scale;
    this.#scale = 1;
  }
}
