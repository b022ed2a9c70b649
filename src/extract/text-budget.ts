/**
 * How many nodes the text readings of one structured-data extraction may visit. A value's text is its
 * whole subtree, so nested properties (`<div itemprop>` inside `<div itemprop>`… thousands deep) make the
 * reference tools quadratic: tens of seconds on one page. Past the budget, values read so far are kept and
 * later ones are cut short. Ordinary pages use a few thousand visits; this is hundreds of times that.
 */
export const MAX_TEXT_NODE_VISITS = 1_000_000;

export class TextBudget {
  #remaining: number;

  constructor(visits = MAX_TEXT_NODE_VISITS) {
    this.#remaining = visits;
  }

  /** Takes one visit; `false` once the budget is spent. */
  take(): boolean {
    this.#remaining -= 1;
    return this.#remaining >= 0;
  }
}
