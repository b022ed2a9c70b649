/**
 * Numbers in a price text, read as exact decimal strings (never through a float: `1.11000000000000009770`
 * stays what it says). A number is digit groups joined by separators; which separator is the decimal
 * point is decided from the groups, the way a reader does it:
 * - two different separators: the last is the decimal point (`1'049,95`, `1.837, 32`, `6,000.00`);
 * - one kind repeated: thousands (`1.144.000`, `120 000 000`);
 * - one `.` or `,` before exactly three digits: thousands (`320.000`, `$699,000`), otherwise decimal;
 * - a separator followed by a space and two digits is a decimal point (`$119. 95`);
 * - spaces and apostrophes only ever separate thousands; `,-` ends a whole amount (`12,-`).
 */

export interface AmountCandidate {
  /** Offsets in the scanned text, end exclusive. */
  start: number;
  end: number;
  /** Canonical decimal: no leading zeros, no trailing fractional zeros, `.` as the point. */
  amount: string;
}

/** A longer integer part is not a price but a code or garbage; its run is skipped. */
const MAX_INTEGER_DIGITS = 18;
const SPACES = new Set([' ', '\u00a0', '\u202f', '\u2009', '\u2007']);
const THOUSANDS_ONLY = new Set(["'", '’', ...SPACES]);
const POINTS = new Set(['.', ',']);
const EURO = '€';

const LEADING_ZEROS = /^0+(?=\d)/;
const TRAILING_ZEROS = /0+$/;
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
/** Spaces count as one family: `1 234 567` may mix a space and a no-break space. */
const family = (sep: string) => (SPACES.has(sep) ? ' ' : sep);

function readDigits(text: string, from: number): number {
  let i = from;
  while (isDigit(text[i])) i += 1;
  return i;
}

/**
 * Whether these groups and separators can be one number. `decimalMark` (from a hint) is the only
 * possible decimal point when given.
 */
function isValid(groups: string[], seps: string[], decimalMark: string | null): boolean {
  const n = seps.length;
  for (let i = 0; i < n; i += 1) {
    const sep = seps[i] as string;
    const group = groups[i + 1] as string;
    const last = i === n - 1;
    const spaced = sep.length === 2 && sep.endsWith(' ');
    const base = spaced ? sep.charAt(0) : sep;
    const canBeDecimal = decimalMark === null ? POINTS.has(base) : base === decimalMark;
    const canBeThousands =
      !spaced && (decimalMark === null ? true : base !== decimalMark) && sep.length === 1;
    const sameAsFirst = family(sep) === family(seps[0] as string);
    const thousandsOk =
      canBeThousands && group.length === 3 && sameAsFirst && (groups[0] as string).length <= 3;
    // Indian grouping, lakh and crore: `1,23,45,678` (pairs, then the last three).
    const lakhOk = sep === ',' && group.length === 2 && sameAsFirst && (groups[0] as string).length <= 2;
    if (!last) {
      if (lakhOk) continue;
      if (!thousandsOk || (groups[0] as string).length === 0) return false;
      continue;
    }
    const decimalOk = canBeDecimal && (!spaced || group.length === 2) && (n === 1 || !sameAsFirst);
    if (!thousandsOk && !decimalOk) return false;
    if (thousandsOk && !decimalOk && THOUSANDS_ONLY.has(sep) && groups[0] === '') return false;
  }
  return true;
}

function lastIsDecimal(groups: string[], seps: string[], decimalMark: string | null): boolean {
  const n = seps.length;
  const sep = seps[n - 1] as string;
  const base = sep.charAt(0);
  if (decimalMark !== null) return base === decimalMark;
  if (sep.length === 2) return true;
  if (THOUSANDS_ONLY.has(sep)) return false;
  if (n >= 2) return family(sep) !== family(seps[0] as string);
  const head = groups[0] as string;
  const tail = groups[1] as string;
  return !(tail.length === 3 && head.length >= 1 && head.length <= 3 && head !== '0');
}

function canonical(integer: string, fraction: string): string | null {
  const whole = integer.replace(LEADING_ZEROS, '') || '0';
  if (whole.length > MAX_INTEGER_DIGITS) return null;
  const frac = fraction.replace(TRAILING_ZEROS, '');
  return frac === '' ? whole : `${whole}.${frac}`;
}

function interpret(groups: string[], seps: string[], decimalMark: string | null): string | null {
  if (seps.length === 0) return canonical(groups[0] as string, '');
  if (lastIsDecimal(groups, seps, decimalMark)) {
    return canonical(groups.slice(0, -1).join(''), groups[groups.length - 1] as string);
  }
  return canonical(groups.join(''), '');
}

/** Reads one separator at `i`: the hinted mark, a point followed by a space (`119. 95`), or one char. */
function readSeparator(text: string, i: number, decimalMark: string | null): string | null {
  if (decimalMark !== null && decimalMark.length > 0 && text.startsWith(decimalMark, i)) return decimalMark;
  const ch = text[i];
  if (ch === undefined) return null;
  if (POINTS.has(ch) && text[i + 1] === ' ' && isDigit(text[i + 2])) return `${ch} `;
  if (POINTS.has(ch) || THOUSANDS_ONLY.has(ch)) return ch;
  return null;
}

/**
 * Every number in `text`, in order. A run that breaks the grammar on a `.` or `,` (`1.2.3.4`, a version
 * or an address) is no amount and is skipped whole.
 */
export function scanAmounts(text: string, decimalMark: string | null): AmountCandidate[] {
  const found: AmountCandidate[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const leadingPoint = ch !== undefined && POINTS.has(ch) && isDigit(text[i + 1]) && !isDigit(text[i - 1]);
    if (!isDigit(ch) && !leadingPoint) {
      i += 1;
      continue;
    }
    const start = i;
    const bodyStart = leadingPoint ? i + 1 : i;
    let end = readDigits(text, bodyStart);
    const groups = [text.slice(bodyStart, end)];
    const seps: string[] = [];
    let malformed = false;
    for (;;) {
      const sep = readSeparator(text, end, decimalMark);
      if (sep === null) break;
      const groupStart = end + sep.length;
      if (!isDigit(text[groupStart])) {
        // `12,-` and `1.198,-`: a whole amount, the dash stands for the zero cents.
        if (POINTS.has(sep) && text[groupStart] === '-' && !isDigit(text[groupStart + 1]))
          end = groupStart + 1;
        break;
      }
      const groupEnd = readDigits(text, groupStart);
      const nextGroups = [...groups, text.slice(groupStart, groupEnd)];
      const nextSeps = [...seps, sep];
      if (!isValid(nextGroups, nextSeps, decimalMark)) {
        malformed = POINTS.has(sep) || sep === decimalMark;
        if (malformed) end = groupEnd;
        break;
      }
      groups.push(text.slice(groupStart, groupEnd));
      seps.push(sep);
      end = groupEnd;
    }
    i = Math.max(end, i + 1);
    if (malformed) {
      while (isDigit(text[i]) || (POINTS.has(text[i] ?? '') && isDigit(text[i + 1]))) i += 1;
      continue;
    }
    // `29€90`: the French shop's way of writing 29.90 €, the symbol standing for the decimal point.
    if (
      decimalMark === null &&
      seps.length === 0 &&
      text[end] === EURO &&
      isDigit(text[end + 1]) &&
      isDigit(text[end + 2]) &&
      !isDigit(text[end + 3])
    ) {
      const amount = canonical(groups[0] as string, text.slice(end + 1, end + 3));
      if (amount !== null) found.push({ start, end: end + 3, amount });
      i = end + 3;
      continue;
    }
    let amount: string | null;
    if (leadingPoint && seps.length === 0) amount = canonical('0', groups[0] as string);
    else amount = interpret(groups, seps, decimalMark);
    if (amount !== null) found.push({ start, end, amount });
  }
  return found;
}
