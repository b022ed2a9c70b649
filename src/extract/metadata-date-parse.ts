/**
 * Dates as pages write them → instants (ISO 8601 strings in UTC). Pure and deterministic: no clock, no
 * locale of the machine. Conventions, chosen so that a value means the same instant wherever it is read:
 * - a date and time without a zone is read as UTC (there is no "local" for a crawler);
 * - an ISO date without a time (`2019-03-05`) is midnight UTC, as ECMAScript reads it;
 * - a date written in words without a time (`March 5, 2019`) is noon UTC: the one instant that falls on
 *   that calendar day in every zone from UTC−12 to UTC+12 (metascraper's date parser, chrono, does the same);
 * - anything before 1990 or from 2100 on is rejected: a web page's date cannot be older than the web, and
 *   those values are almost always placeholders (`0000-00-00`, `1970-01-01`, .NET's `0001-01-01`).
 */

export interface DateParseOptions {
  /**
   * Read an ambiguous numeric date such as `03/04/2019` day first (most of the world) rather than month
   * first (the United States). Unambiguous ones (`25/04/2019`) and dotted ones (`03.04.2019`, always day
   * first) are read as written whatever this says.
   * @default false
   */
  dayFirst?: boolean;
}

/** Where a date was found in a text, and the instant it denotes. */
export interface DateMatch {
  iso: string;
  /** Offsets of the matched date (and time, when one follows it) in the searched text. */
  start: number;
  end: number;
}

const MIN_TIME_MS = Date.UTC(1990, 0, 1);
const MAX_TIME_MS = Date.UTC(2100, 0, 1);
const NOON = 12;
/** Text longer than this is searched only in its beginning: a date worth having is near the start. */
const MAX_SEARCHED_CHARS = 400;

// Month names in the languages most pages are written in (full names, common abbreviations; Russian in the
// genitive that dates use). Abbreviations that are also common words ("out", "set", "gen", "ago") are left out.
const MONTH_NAMES: readonly string[] = [
  'january jan enero ene janvier janv januar jänner gennaio janeiro januari января',
  'february feb febrero février fevrier févr fevr februar febbraio fevereiro fev februari февраля',
  'march mar marzo mars märz maerz mär março marco maart mrt марта',
  'april apr abril abr avril avr aprile апреля',
  'may mayo mai maggio mag maio mei мая',
  'june jun junio juin juni giugno giu junho июня',
  'july jul julio juillet juil juli luglio lug julho июля',
  'august aug agosto août aout augustus августа',
  'september sept sep septiembre setiembre septembre settembre setembro сентября',
  'october oct octubre octobre oktober okt ottobre ott outubro октября',
  'november nov noviembre novembre novembro ноября',
  'december dec diciembre dic décembre decembre déc dezember dez dicembre dezembro декабря',
];
const MONTHS: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap((names, index) => names.split(' ').map((name) => [name, index + 1] as const)),
);
const MONTH = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|');

/**
 * Zone abbreviations → minutes east of UTC. CST is the American one, IST the Indian one, as on most pages;
 * abbreviations that are also words after a time ("art", "cat", "eat") are left out.
 */
const ZONES: ReadonlyMap<string, number> = new Map([
  ['z', 0], ['ut', 0], ['utc', 0], ['gmt', 0], ['wet', 0], ['west', 60], ['bst', 60], ['cet', 60],
  ['cest', 120], ['mez', 60], ['mesz', 120], ['eet', 120], ['eest', 180], ['msk', 180], ['ist', 330],
  ['est', -300], ['edt', -240], ['cst', -360], ['cdt', -300], ['mst', -420], ['mdt', -360], ['pst', -480],
  ['pdt', -420], ['akst', -540], ['akdt', -480], ['hst', -600], ['ast', -240], ['adt', -180], ['nst', -210],
  ['ndt', -150], ['jst', 540], ['kst', 540], ['hkt', 480], ['sgt', 480], ['pht', 480], ['wib', 420],
  ['aest', 600], ['aedt', 660], ['acst', 570], ['acdt', 630], ['awst', 480], ['nzst', 720], ['nzdt', 780],
  ['sast', 120], ['wat', 60], ['brt', -180],
]); // prettier-ignore
/** US zones written without saying whether daylight saving applies ("7:00 a.m. PT"): standard offsets. */
const US_GENERIC_ZONES: ReadonlyMap<string, number> = new Map([
  ['et', -300],
  ['ct', -360],
  ['mt', -420],
  ['pt', -480],
]);
const ZONE_NAMES = [...ZONES.keys(), ...US_GENERIC_ZONES.keys()]
  .sort((a, b) => b.length - a.length)
  .join('|');

// `2019-03-05`, `2019-03-05T14:01:31.000+02:00`, `2020-12-30 02:13:22`, `2016-05-24T07:00:00-0700`.
const ISO_DATE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?(?!\d)/i;
const DIGITS = /^\d+$/;
const TWO_DIGITS = /\d\d/;
// The patterns searched in free text; each is tried and the earliest valid match wins.
const YEAR_FIRST = /(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/g;
const MONTH_FIRST = new RegExp(
  `(?<!\\p{L})(${MONTH})(?!\\p{L})\\.?[\\s-]*(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:\\s+(\\d{1,2}:\\d{2}(?::\\d{2})?)(?:\\s+(${ZONE_NAMES}))?)?(?:\\s*,\\s*|[\\s-]+)(\\d{4})(?!\\d)`,
  'giu',
);
const DAY_FIRST = new RegExp(
  `(?<!\\d)(\\d{1,2})(?:st|nd|rd|th|er|º)?\\.?[\\s-]*(?:de\\s+)?(${MONTH})(?!\\p{L})\\.?(?:\\s*,\\s*|[\\s./-]+)(?:del?\\s+)?(\\d{4})(?!\\d)`,
  'giu',
);
const NUMERIC = /(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d.])/g;
// What may follow a date: a time ("10.34PM", "7:00 a.m.", "3 AM", "16:26") and a zone, after a separator.
const TRAILING_TIME = new RegExp(
  `^[\\s,|/@·•–—-]*(?:(?:at|à|um|a las|alle|às|om|ore)\\s+)?(\\d{1,2})(?:[:.h](\\d{2}))?(?:[:.](\\d{2}))?(?:\\.\\d+)?\\s*(a\\.?\\s?m\\.?|p\\.?\\s?m\\.?)?`,
  'i',
);
const TRAILING_ZONE = new RegExp(
  `^\\s*\\(?(?:(?:gmt|utc)\\s*([+-]\\d{1,2})(?::?(\\d{2}))?|([+-]\\d{2}):?(\\d{2})|(${ZONE_NAMES}))(?![\\p{L}\\d])`,
  'iu',
);

/**
 * A date-like value (a string as a page writes it, or a Unix timestamp in seconds or milliseconds) → an ISO
 * instant, or `null` when it is not a date or an implausible one.
 * @example parseDate('Thu, May 13 2021 14:01:31 EDT') // '2021-05-13T18:01:31.000Z'
 */
export function parseDate(value: unknown, options: DateParseOptions = {}): string | null {
  if (typeof value === 'number') return fromTimestamp(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '') return null;
  if (DIGITS.test(text)) return fromDigits(text);
  const iso = ISO_DATE.exec(text);
  if (iso !== null) return fromIso(iso, text.slice(iso[0].length));
  return findDateInText(text, options)?.iso ?? null;
}

/**
 * The first date written in a text (`By J Vignesh, ET Bureau | 12 Jan, 2016, 10.34PM IST`), with the time
 * and zone that follow it when there are. Only the first few hundred characters are searched.
 */
export function findDateInText(text: string, options: DateParseOptions = {}): DateMatch | null {
  const searched = text.length > MAX_SEARCHED_CHARS ? text.slice(0, MAX_SEARCHED_CHARS) : text;
  // Every pattern holds a day and a year in digits: text without two digits in a row has no date to find.
  if (!TWO_DIGITS.test(searched)) return null;
  let best: DateMatch | null = null;
  for (const finder of FINDERS) {
    const found = finder(searched, options);
    if (found !== null && (best === null || found.start < best.start)) best = found;
  }
  return best;
}

interface CalendarDate {
  year: number;
  month: number;
  day: number;
  /** The time written inside the date itself (asctime puts it between the day and the year). */
  time?: string | undefined;
  zone?: string | undefined;
}

type Finder = (text: string, options: DateParseOptions) => DateMatch | null;

const FINDERS: readonly Finder[] = [
  (text) => search(YEAR_FIRST, text, (m) => ({ year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) })),
  (text) =>
    search(MONTH_FIRST, text, (m) => ({
      year: Number(m[5]),
      month: monthNumber(m[1]),
      day: Number(m[2]),
      time: m[3],
      zone: m[4],
    })),
  (text) =>
    search(DAY_FIRST, text, (m) => ({ year: Number(m[3]), month: monthNumber(m[2]), day: Number(m[1]) })),
  (text, options) => search(NUMERIC, text, (m) => numericDate(m, options)),
];

function search(
  pattern: RegExp,
  text: string,
  read: (match: RegExpExecArray) => CalendarDate | null,
): DateMatch | null {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const date = read(match);
    if (date === null || !isCalendarDate(date.year, date.month, date.day)) continue;
    const end = match.index + match[0].length;
    const resolved = withTime(date, text.slice(end));
    if (resolved === null) continue;
    return { iso: resolved.iso, start: match.index, end: end + resolved.consumed };
  }
  return null;
}

function numericDate(match: RegExpExecArray, options: DateParseOptions): CalendarDate | null {
  const first = Number(match[1]);
  const second = Number(match[3]);
  const separator = match[2];
  const yearText = match[4] as string;
  // Two-digit years only in slashed dates (`05/24/16`): dotted and dashed pairs are too often versions or ids.
  if (yearText.length === 2 && separator !== '/') return null;
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const dayFirst = separator === '.' || first > 12 || (second <= 12 && options.dayFirst === true);
  return dayFirst ? { year, month: second, day: first } : { year, month: first, day: second };
}

/** Applies the time inside the date, else the one right after it, else noon; `consumed` is what followed. */
function withTime(date: CalendarDate, after: string): { iso: string; consumed: number } | null {
  let hour = NOON;
  let minute = 0;
  let second = 0;
  let consumed = 0;
  let zoneText = date.zone;
  let rest = after;
  let hasTime = false;
  if (date.time !== undefined) {
    const [h, m, s] = date.time.split(':').map(Number);
    hour = h ?? NOON;
    minute = m ?? 0;
    second = s ?? 0;
    hasTime = true;
  } else {
    const time = TRAILING_TIME.exec(after);
    // An hour alone ("12 comments") is not a time; with am/pm ("3 AM") it is.
    if (time !== null && (time[2] !== undefined || time[4] !== undefined)) {
      hour = Number(time[1]);
      minute = time[2] === undefined ? 0 : Number(time[2]);
      second = time[3] === undefined ? 0 : Number(time[3]);
      const meridiem = time[4]?.toLowerCase();
      if (meridiem !== undefined) {
        if (hour < 1 || hour > 12) return null;
        if (meridiem.startsWith('p') && hour !== 12) hour += 12;
        if (meridiem.startsWith('a') && hour === 12) hour = 0;
      }
      consumed = time[0].length;
      rest = after.slice(consumed);
      hasTime = true;
    }
  }
  if (hasTime && (hour > 23 || minute > 59 || second > 59)) return null;
  let offsetMinutes = 0;
  if (hasTime) {
    const zone = zoneText === undefined ? writtenZone(rest) : null;
    if (zone !== null) {
      consumed += zone[0].length;
      zoneText = zone[0];
      offsetMinutes = zoneOffset(zone, date, hour);
    } else if (zoneText !== undefined) {
      offsetMinutes = namedZoneOffset(zoneText.toLowerCase(), date, hour);
    }
  }
  const ms = Date.UTC(date.year, date.month - 1, date.day, hour, minute, second) - offsetMinutes * 60_000;
  return inRange(ms) ? { iso: new Date(ms).toISOString(), consumed } : null;
}

/**
 * The zone written at the start of `text`. An abbreviation counts only in capitals, as zones are written:
 * in lower case "et" and "est" are French words ("10h30 et 11h").
 */
function writtenZone(text: string): RegExpExecArray | null {
  const zone = TRAILING_ZONE.exec(text);
  if (zone === null) return null;
  const name = zone[5];
  return name === undefined || name === name.toUpperCase() ? zone : null;
}

function zoneOffset(zone: RegExpExecArray, date: CalendarDate, hour: number): number {
  if (zone[1] !== undefined) return offsetOf(zone[1], zone[2]); // GMT+2, UTC+05:30
  if (zone[3] !== undefined) return offsetOf(zone[3], zone[4]); // +0530
  return namedZoneOffset((zone[5] as string).toLowerCase(), date, hour);
}

function namedZoneOffset(name: string, date: CalendarDate, hour: number): number {
  const fixed = ZONES.get(name);
  if (fixed !== undefined) return fixed;
  const standard = US_GENERIC_ZONES.get(name) ?? 0;
  return usDaylightSaving(date.year, date.month, date.day, hour) ? standard + 60 : standard;
}

function offsetOf(hours: string, minutes: string | undefined): number {
  const sign = hours.startsWith('-') ? -1 : 1;
  return sign * (Math.abs(Number(hours)) * 60 + (minutes === undefined ? 0 : Number(minutes)));
}

/** Whether US daylight saving time is in force at that local time (rules of 2007 on, and 1987-2006). */
function usDaylightSaving(year: number, month: number, day: number, hour: number): boolean {
  const [startMonth, startDay] = year >= 2007 ? [3, nthSunday(year, 3, 2)] : [4, nthSunday(year, 4, 1)];
  const [endMonth, endDay] = year >= 2007 ? [11, nthSunday(year, 11, 1)] : [10, lastSunday(year, 10)];
  const at = (m: number, d: number, h: number) => (m * 32 + d) * 24 + h;
  const now = at(month, day, hour);
  return now >= at(startMonth, startDay, 2) && now < at(endMonth, endDay, 2);
}

function nthSunday(year: number, month: number, n: number): number {
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return 1 + ((7 - firstWeekday) % 7) + (n - 1) * 7;
}

function lastSunday(year: number, month: number): number {
  const last = daysInMonth(year, month);
  return last - new Date(Date.UTC(year, month - 1, last)).getUTCDay();
}

function fromIso(match: RegExpExecArray, rest: string): string | null {
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isCalendarDate(year, month, day)) return null;
  const hour = match[4] === undefined ? 0 : Number(match[4]);
  const minute = match[5] === undefined ? 0 : Number(match[5]);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  if (hour > 23 || minute > 59 || second > 59) return null;
  const fraction = match[7] === undefined ? 0 : Math.floor(Number(`0.${match[7]}`) * 1000);
  const zone = match[8];
  let offsetMinutes = 0;
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    offsetMinutes = offsetOf(digits.slice(0, 3), digits.length > 3 ? digits.slice(3) : undefined);
  } else if (zone === undefined && match[4] !== undefined) {
    // `2016-05-24 14:44:00 EDT`: a zone written after the ISO part.
    const named = writtenZone(rest);
    if (named !== null) offsetMinutes = zoneOffset(named, { year, month, day }, hour);
  }
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, fraction) - offsetMinutes * 60_000;
  return inRange(ms) ? new Date(ms).toISOString() : null;
}

/** `20160524` (a compact date), `2016` (a year: its first instant), or a Unix timestamp. */
function fromDigits(digits: string): string | null {
  if (digits.length === 8) {
    const [year, month, day] = [
      Number(digits.slice(0, 4)),
      Number(digits.slice(4, 6)),
      Number(digits.slice(6)),
    ];
    if (isCalendarDate(year, month, day)) {
      const ms = Date.UTC(year, month - 1, day);
      return inRange(ms) ? new Date(ms).toISOString() : null;
    }
    return null;
  }
  if (digits.length === 4) {
    const ms = Date.UTC(Number(digits), 0, 1);
    return inRange(ms) ? new Date(ms).toISOString() : null;
  }
  return digits.length >= 9 && digits.length <= 13 ? fromTimestamp(Number(digits)) : null;
}

/** Seconds below 10^11 (until the year 5138), milliseconds from there: the two never overlap in range. */
function fromTimestamp(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const ms = Math.abs(value) < 1e11 ? value * 1000 : value;
  return inRange(ms) ? new Date(Math.floor(ms)).toISOString() : null;
}

function monthNumber(name: string | undefined): number {
  return MONTHS.get((name ?? '').toLowerCase()) ?? 0;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function inRange(ms: number): boolean {
  return ms >= MIN_TIME_MS && ms < MAX_TIME_MS;
}
