/**
 * A small seeded PRNG (mulberry32) with the helpers the generators need. Everything the demo site shows
 * comes from here, never from Math.random, so that one seed always yields the same bytes: tests and
 * benchmarks compare runs, and a flaky demo would make every downstream figure noisy.
 */
export class Random {
  #state: number;

  constructor(seed: number) {
    // `>>> 0` keeps the state a 32-bit unsigned integer whatever number the caller passed.
    this.#state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with the given probability. */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Random.pick needs at least one item');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Pick by weight: `[['a', 3], ['b', 1]]` yields 'a' three times as often as 'b'. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  /** `count` distinct items in random order (all of them when count exceeds the length). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, count);
  }

  /**
   * An independent stream derived from this seed and a label, so that adding a draw in one generator
   * does not shift every value of another (articles stay the same when the product generator changes).
   */
  static derive(seed: number, label: string): Random {
    let hash = 2166136261 ^ (seed >>> 0);
    for (let i = 0; i < label.length; i++) hash = Math.imul(hash ^ label.charCodeAt(i), 16777619);
    return new Random(hash >>> 0);
  }
}
