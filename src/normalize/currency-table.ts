/**
 * Currency marks as shops write them: symbols, ISO codes and local names, each with the ISO 4217 code
 * it stands for when that is unambiguous (`$` alone is not: it is the mark of some twenty currencies).
 *
 * A *weak* mark (a single letter, a two-letter abbreviation, a rare code) counts only beside a number or
 * as the whole text: `L` is a lek in `61.858 L` but a letter anywhere else.
 */
export interface CurrencyMark {
  iso: string | null;
  weak: boolean;
  /** For an ambiguous mark, the codes a hint or the context may pick from. */
  candidates: readonly string[];
}

const DOLLAR_CODES = [
  'USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN', 'ARS', 'CLP', 'COP', 'TWD', 'BSD', 'BBD', 'BZD',
  'BMD', 'BND', 'FJD', 'GYD', 'JMD', 'KYD', 'LRD', 'NAD', 'SBD', 'SRD', 'TTD', 'XCD', 'UYU', 'DOP',
]; // prettier-ignore
const KRONE_CODES = ['SEK', 'NOK', 'DKK', 'ISK'];
const RUPEE_CODES = ['INR', 'PKR', 'LKR', 'NPR', 'MUR', 'SCR'];
const YEN_CODES = ['JPY', 'CNY'];

/** Mark → ISO code, or `null` when ambiguous. Strong: counted anywhere in the text. */
const STRONG: ReadonlyArray<readonly [string, string | null]> = [
  ['$', null], ['US$', 'USD'], ['U$S', 'USD'], ['USD$', 'USD'], ['A$', 'AUD'], ['AU$', 'AUD'],
  ['C$', 'CAD'], ['CA$', 'CAD'], ['CAN$', 'CAD'], ['NZ$', 'NZD'], ['S$', 'SGD'], ['HK$', 'HKD'],
  ['MX$', 'MXN'], ['R$', 'BRL'], ['NT$', 'TWD'], ['RD$', 'DOP'], ['TT$', 'TTD'], ['Z$', 'ZWL'],
  ['G$', 'GYD'], ['GY$', 'GYD'], ['$U', 'UYU'], ['$b', 'BOB'], ['J$', 'JMD'], ['B$', 'BND'],
  ['€', 'EUR'], ['£', 'GBP'], ['￡', 'GBP'], ['₤', 'GBP'], ['¥', null], ['￥', null], ['円', 'JPY'],
  ['元', 'CNY'], ['圓', null], ['₩', 'KRW'], ['₹', 'INR'], ['₽', 'RUB'], ['₴', 'UAH'], ['₸', 'KZT'],
  ['₺', 'TRY'], ['₪', 'ILS'], ['₫', 'VND'], ['฿', 'THB'], ['₱', 'PHP'], ['₭', 'LAK'], ['₮', 'MNT'],
  ['₦', 'NGN'], ['₵', 'GHS'], ['₲', 'PYG'], ['₡', 'CRC'], ['₾', 'GEL'], ['₼', 'AZN'], ['֏', 'AMD'],
  ['৳', 'BDT'], ['៛', 'KHR'], ['₿', null], ['ƒ', null], ['₣', null], ['R₣', 'RWF'], ['¢', null],
  ['zł', 'PLN'], ['Zł', 'PLN'], ['ZŁ', 'PLN'], ['Kč', 'CZK'], ['Ft', 'HUF'], ['lei', 'RON'],
  ['LEI', 'RON'], ['Lei', 'RON'], ['kn', 'HRK'], ['TL', 'TRY'], ['Rp', 'IDR'], ['Rs', null],
  ['Rs.', null], ['kr', null], ['kr.', null], ['Kr', null], ['Kr.', null], ['Fr.', 'CHF'],
  ['CHf', 'CHF'], ['SFr.', 'CHF'], ['CFA', null], ['FCFA', null], ['Fdj', 'DJF'], ['Nfk', 'ERN'],
  ['TSh', 'TZS'], ['KSh', 'KES'], ['KShs', 'KES'], ['Ksh', 'KES'], ['USh', 'UGX'], ['FRw', 'RWF'],
  ['Dhs', 'AED'], ['Rbl', 'RUB'], ['S/', 'PEN'], ['S/.', 'PEN'], ["so'm", 'UZS'], ['CND', 'CAD'],
  ['Nu.', 'BTN'], ['руб.', 'RUB'], ['руб', 'RUB'], ['рублей', 'RUB'], ['рубля', 'RUB'],
  ['грн.', 'UAH'], ['грн', 'UAH'], ['лв.', 'BGN'], ['лв', 'BGN'], ['тг', 'KZT'], ['ДЕН', 'MKD'],
  ['ден', 'MKD'], ['Дин', 'RSD'], ['дин', 'RSD'], ['дин.', 'RSD'], ['сом', 'KGS'],
  ['ر.س', 'SAR'], ['دج', 'DZD'], ['د.ج', 'DZD'], ['.د.ب', 'BHD'], ['د.ب', 'BHD'], ['د.إ', 'AED'],
  ['د.ك', 'KWD'], ['ل.د', 'LYD'], ['د.ل', 'LYD'], ['ع.د', 'IQD'], ['د.ع', 'IQD'], ['ج.س.', 'SDG'],
  ['د.ت', 'TND'], ['د.أ', 'JOD'], ['دينار أردني', 'JOD'], ['د.م', 'MAD'], ['د.م.', 'MAD'],
  ['ر.ع', 'OMR'], ['ر.ق', 'QAR'], ['ج.م', 'EGP'], ['ریال', 'IRR'], ['ريال', null], ['تومان', null],
  ['نافكا', 'ERN'], ['ش.ص', null], ['ש"ח', 'ILS'], ["ש'ח", 'ILS'], ['ብር', 'ETB'], ['ლ', 'GEL'],
  ['ரூ', null], ['රු', 'LKR'],
]; // prettier-ignore

/** Weak marks: only beside a number, or alone. */
const WEAK: ReadonlyArray<readonly [string, string | null]> = [
  ['R', 'ZAR'], ['P', 'BWP'], ['Р', 'RUB'], ['р.', 'RUB'], ['р', 'RUB'], ['E', null], ['L', null],
  ['K', null], ['Q', 'GTQ'], ['q', 'GTQ'], ['с', 'KGS'], ['Br', null], ['Bs', null], ['Bs.', null],
  ['Db', 'STN'], ['LD', null], ['VT', 'VUV'], ['Vt', 'VUV'], ['ZK', 'ZMW'], ['Ar', 'MGA'],
  ['RF', 'RWF'], ['ID', null], ['Re', null], ['Re.', null], ["S'", null], ['stg', 'GBP'],
  ['mkd', 'MKD'], ['kwz', null], ['SPL', null], ['KMF', 'KMF'], ['Le', 'SLE'], ['MT', 'MZN'],
]; // prettier-ignore

/** Codes common enough to be trusted anywhere in a text; every other ISO code is weak. */
const STRONG_CODES = new Set(
  'USD EUR GBP CHF CAD AUD NZD SGD HKD JPY CNY PLN CZK DKK NOK SEK RUB UAH INR BRL MXN TRY HUF RON BGN'.split(
    ' ',
  ),
);

/** Active ISO 4217 codes, and a few retired ones still seen on old pages. */
const ISO_CODES = `AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP
BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD
GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP
LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN
PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB
TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XOF XPF YER ZAR ZMW ZWL
PTE DEM FRF ITL ESP NLG BEF ATS FIM IEP GRD HRK LTL LVL EEK SKK SIT BYR RUR VEF`.split(/\s+/);

function candidatesOf(mark: string, iso: string | null): readonly string[] {
  if (iso !== null) return [iso];
  if (mark.includes('$')) return DOLLAR_CODES;
  if (/^kr/i.test(mark)) return KRONE_CODES;
  if (/^R[se]/.test(mark)) return RUPEE_CODES;
  if (mark === '¥' || mark === '￥') return YEN_CODES;
  return [];
}

function buildMarks(): Map<string, CurrencyMark> {
  const marks = new Map<string, CurrencyMark>();
  const add = (mark: string, iso: string | null, weak: boolean) => {
    if (!marks.has(mark)) marks.set(mark, { iso, weak, candidates: candidatesOf(mark, iso) });
  };
  for (const [mark, iso] of STRONG) add(mark, iso, false);
  for (const code of ISO_CODES) add(code, code, !STRONG_CODES.has(code));
  for (const [mark, iso] of WEAK) add(mark, iso, true);
  return marks;
}

export const CURRENCY_MARKS: ReadonlyMap<string, CurrencyMark> = buildMarks();

/** One mark found in a text, at [start, end). */
export interface MarkMatch {
  text: string;
  start: number;
  end: number;
}

const LETTER = /\p{L}/u;

/**
 * Every currency mark in `text`, left to right, without overlaps; at each position the longest mark
 * wins (`руб.` over `руб`, `US$` over `$`). A mark that begins or ends with a letter must not touch
 * another letter there: `Price` holds no `P`. A hand-written scan rather than one regular expression: the
 * 348-way alternation, each with its look-behind, cost V8 about 1.5 µs a character (30 ms of a shop page's
 * product profile); the scan tries only the marks that start with the character at hand.
 */
export function scanCurrencyMarks(text: string): MarkMatch[] {
  const found: MarkMatch[] = [];
  let index = 0;
  while (index < text.length) {
    const candidates = MARKS_BY_FIRST_CHAR.get(text.charCodeAt(index));
    const hit = candidates === undefined ? undefined : candidates.find((mark) => fitsAt(text, mark, index));
    if (hit === undefined) {
      index += 1;
      continue;
    }
    found.push({ text: hit.text, start: index, end: index + hit.text.length });
    index += hit.text.length;
  }
  return found;
}

interface MarkShape {
  text: string;
  letterHead: boolean;
  letterTail: boolean;
}

function fitsAt(text: string, mark: MarkShape, index: number): boolean {
  if (!text.startsWith(mark.text, index)) return false;
  if (mark.letterHead && index > 0 && isLetterBefore(text, index)) return false;
  const end = index + mark.text.length;
  return !(mark.letterTail && end < text.length && LETTER.test(String.fromCodePoint(text.codePointAt(end)!)));
}

/** Whether the code point ending just before `index` is a letter (a surrogate pair read whole). */
function isLetterBefore(text: string, index: number): boolean {
  const low = text.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return LETTER.test(String.fromCodePoint(text.codePointAt(start)!));
}

/** Marks by their first UTF-16 unit, longest first. */
const MARKS_BY_FIRST_CHAR: ReadonlyMap<number, readonly MarkShape[]> = (() => {
  const byFirst = new Map<number, MarkShape[]>();
  const marks = [...CURRENCY_MARKS.keys()].sort((a, b) => b.length - a.length);
  for (const mark of marks) {
    const shape = { text: mark, letterHead: /^\p{L}/u.test(mark), letterTail: /\p{L}$/u.test(mark) };
    const list = byFirst.get(mark.charCodeAt(0)) ?? [];
    list.push(shape);
    byFirst.set(mark.charCodeAt(0), list);
  }
  return byFirst;
})();
