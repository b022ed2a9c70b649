/**
 * GTIN-13 check digits (GS1 mod-10: weights 1 and 3 alternate from the left over the first twelve digits).
 */
export function gtinCheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new RangeError(`gtinCheckDigit needs 12 digits, got "${first12}"`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}
