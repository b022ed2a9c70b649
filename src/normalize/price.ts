import { scanAmounts, type AmountCandidate } from './amount-scan.js';
import { CURRENCY_MARKS, scanCurrencyMarks, type CurrencyMark } from './currency-table.js';

export interface ParsedPrice {
  /** Exact decimal string with `.` as the point and no trailing fractional zeros (`'1049.95'`, `'12'`). */
  amount: string | null;
  /** The currency as written in the text (`'US$'`, `'€'`, `'руб.'`), else as written in the hint. */
  currency: string | null;
  /** ISO 4217 code when the mark, the hint or the context makes it unambiguous. */
  currencyIso: string | null;
}

export interface ParsePriceOptions {
  /**
   * Text near the price (a label, the currency of the page, an ISO code): its currency is used when the
   * price itself names none, and settles an ambiguous mark (`$` with hint `'CAD'` → CAD).
   * @example 'USD' @example 'Price: $ 34.44'
   */
  currencyHint?: string | null;
  /**
   * The decimal mark, when the site is known to use one; usually `.` or `,`, any other string is taken
   * literally (`'€'` for `140€33`). @default null (guessed from the digits)
   */
  decimalSeparator?: string | null;
}

/** Prices are short; a longer text is read only this far so that the parse stays linear and cheap. */
const MAX_INPUT_CHARS = 2_000;

interface FoundMark {
  text: string;
  start: number;
  end: number;
  mark: CurrencyMark;
}

/** A number followed by one of these measures something else (`2 Litre`, `16.00 ft`, `-5%`, `$49+`). */
const UNIT_AFTER =
  /^\s?(?:%|\+|(?:ft|feet|foot|in|inch|inches|cm|mm|km|m|m2|m²|kg|g|gr|mg|lb|lbs|oz|ml|cl|l|litre|liter|litres|liters|pcs|pc|pieces|piece|stück|шт|x|gb|tb|mb|mp|w|kw|v|mah|hz|ghz|cal|kcal)(?![\p{L}\p{N}]))/iu;
/** Words that mark an earlier price (`Was $120.00 Now $60.00`): skipped when another price follows. */
const OLD_PRICE_BEFORE =
  /(?:^|[^\p{L}])(?:was|statt|rrp|uvp|msrp|list price|regular price|reg\.|old price|avant|prima|antes|vorher|zamiast|старая цена|běžná cena)\s*:?\s*(?:[^\p{L}\p{N}\s]{1,3}|\p{Lu}{3})?\s*$/iu;
/** A month name just before a four-digit year: a date, not a price (`July, 2004`). */
const MONTH_BEFORE = /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s*$/i;
/** Joins the two ends of a range: `26 to 50 €`, `10 - 20 zł`. */
const RANGE_JOIN = /^\s*(?:-|–|—|to|bis|à|a|до|až|do)\s*$/iu;
/** Context that pins `$` to the US dollar: `$80.00 U.S.`. */
const US_CONTEXT = /(?<!\p{L})U\.?S\.?(?!\p{L})/u;
const GAP = /^[\s:]*$/u;
/** Farthest a mark may stand from its number and still touch it (`US$ : 12`). */
const MAX_GAP_CHARS = 6;
const SPACE = /\s/u;
const DIGIT = /\d/;

/** Whether only spaces or a colon stand between `from` and `to`. */
const touches = (text: string, from: number, to: number) =>
  to >= from && to - from <= MAX_GAP_CHARS && GAP.test(text.slice(from, to));

function findMarks(text: string): FoundMark[] {
  const found: FoundMark[] = [];
  const trimmed = text.trim();
  for (const match of scanCurrencyMarks(text)) {
    const mark = CURRENCY_MARKS.get(match.text);
    if (mark === undefined) continue;
    if (mark.weak && trimmed !== match.text && !besideNumber(text, match.start, match.end)) continue;
    found.push({ ...match, mark });
  }
  return found;
}

/** Whether only spaces stand between the mark and a digit, on either side. */
function besideNumber(text: string, start: number, end: number): boolean {
  let before = start - 1;
  while (before >= 0 && SPACE.test(text.charAt(before))) before -= 1;
  let after = end;
  while (after < text.length && SPACE.test(text.charAt(after))) after += 1;
  const next = text.charAt(after) === '.' ? text.charAt(after + 1) : text.charAt(after);
  return DIGIT.test(text.charAt(before)) || DIGIT.test(next);
}

/** The mark that touches the number (only spaces or a colon between): `US$:12.99`, `12,99 zł`. */
function adjacentMark(text: string, amount: AmountCandidate, marks: FoundMark[]): FoundMark | undefined {
  return marks.find((m) => touches(text, m.end, amount.start) || touches(text, amount.end, m.start));
}

function isMeasure(text: string, amount: AmountCandidate, previousEnd: number, marks: FoundMark[]): boolean {
  // `3,990 Ft` is forints and `1 L` a lek: a currency mark wins over the unit it spells.
  const markAfter = marks.some((m) => touches(text, amount.end, m.start));
  if (!markAfter && UNIT_AFTER.test(text.slice(amount.end, amount.end + 12))) return true;
  const isYear = /^(?:19|20)\d\d$/.test(amount.amount);
  return isYear && MONTH_BEFORE.test(text.slice(Math.max(previousEnd, amount.start - 12), amount.start));
}

/**
 * The price among the numbers: the first that a currency mark touches, or that opens a range whose
 * other end carries the mark (`From 26 to 50 €`); without any mark, the first number. Quantities and
 * old prices give way when something better follows.
 */
function chooseAmount(text: string, amounts: AmountCandidate[], marks: FoundMark[]): AmountCandidate | null {
  const usable = amounts.filter((a, i) => !isMeasure(text, a, i > 0 ? (amounts[i - 1]?.end ?? 0) : 0, marks));
  if (usable.length === 0) return null;
  const marked = usable.filter((a, i) => {
    if (adjacentMark(text, a, marks) !== undefined) return true;
    const next = usable[i + 1];
    if (next === undefined || !RANGE_JOIN.test(text.slice(a.end, next.start))) return false;
    const nextMark = adjacentMark(text, next, marks);
    return nextMark !== undefined && nextMark.start >= next.end;
  });
  const pool = marked.length > 0 ? marked : usable;
  const current = pool.find((a, i) => {
    const previousEnd = i > 0 ? (pool[i - 1]?.end ?? 0) : 0;
    return !OLD_PRICE_BEFORE.test(text.slice(Math.max(previousEnd, a.start - 30), a.start));
  });
  return current ?? pool[0] ?? null;
}

function resolveIso(chosen: FoundMark, context: FoundMark[], text: string): string | null {
  if (chosen.mark.iso !== null) return chosen.mark.iso;
  const { candidates } = chosen.mark;
  for (const other of context) {
    if (other.mark.iso !== null && candidates.includes(other.mark.iso)) return other.mark.iso;
  }
  if (chosen.text.includes('$') && US_CONTEXT.test(text)) return 'USD';
  return null;
}

/**
 * Reads an amount and a currency from a messy price text: `"US$:12.99"`, `"CHF 1'049,95"`, `"12,-"`,
 * `"From 26 to 50 €"` (the first end of a range), `"$426.20/EA"`, `"1 890 Р"`. Pure; never throws.
 *
 * @example parsePrice("CHF 1'049,95") // { amount: '1049.95', currency: 'CHF', currencyIso: 'CHF' }
 * @example parsePrice('$12', { currencyHint: 'CAD' }) // { amount: '12', currency: '$', currencyIso: 'CAD' }
 */
export function parsePrice(input: string, options: ParsePriceOptions = {}): ParsedPrice {
  const text = typeof input === 'string' ? input.slice(0, MAX_INPUT_CHARS) : '';
  const hint = typeof options.currencyHint === 'string' ? options.currencyHint.slice(0, MAX_INPUT_CHARS) : '';
  const decimalMark = typeof options.decimalSeparator === 'string' ? options.decimalSeparator : null;

  const marks = findMarks(text);
  const amounts = scanAmounts(text, decimalMark === '' ? null : decimalMark);
  const chosen = chooseAmount(text, amounts, marks);

  const hintMarks = hint === '' ? [] : findMarks(hint);
  const currency = marks[0] ?? hintMarks[0];
  if (currency === undefined) return { amount: chosen?.amount ?? null, currency: null, currencyIso: null };
  const context = [...marks, ...hintMarks].filter((m) => m !== currency);
  return {
    amount: chosen?.amount ?? null,
    currency: currency.text,
    currencyIso: resolveIso(currency, context, text),
  };
}
