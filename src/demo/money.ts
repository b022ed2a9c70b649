/**
 * Prices as shops print them. The truth keeps a plain decimal ('1299.00'); the visible page uses the
 * local convention, which is what a price normalizer must undo: `$1,299.00`, `€1.299,00`, `1.299,00 €`,
 * `£1,299.00`.
 */

export type PriceStyle = 'symbol-first' | 'symbol-last';

function groupThousands(integer: string, separator: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** `price` is a decimal with a dot and two places, as in the truth. */
export function formatVisiblePrice(price: string, currency: string, style: PriceStyle): string {
  const [integer = '0', cents = '00'] = price.split('.');
  switch (currency) {
    case 'EUR': {
      const amount = `${groupThousands(integer, '.')},${cents}`;
      // A non-breaking space between amount and sign, as continental shops print it.
      return style === 'symbol-last' ? `${amount}\u00a0€` : `€${amount}`;
    }
    case 'GBP':
      return `£${groupThousands(integer, ',')}.${cents}`;
    default:
      return `$${groupThousands(integer, ',')}.${cents}`;
  }
}

/** Whole units to a truth price: 129 → '129.99' or '129.00', depending on the ending asked for. */
export function toDecimalPrice(units: number, cents: number): string {
  return `${units}.${String(cents).padStart(2, '0')}`;
}
