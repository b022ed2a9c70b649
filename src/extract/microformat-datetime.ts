import type { Element } from 'domhandler';
import { mfTextContent, plainText } from './microformat-text.js';
import { valueChildren, type ValueContext } from './microformat-values.js';
import { pyStrip } from './python-strings.js';

/**
 * `dt-*` values as mf2py reads them: the value-class pattern (date, time and timezone in separate
 * children), `datetime`, `title` or `value` attributes, else the text; a time alone borrows the date of
 * an earlier `dt-*` of the same item; 12-hour times become 24-hour ones. mf2py anchors some patterns at
 * the start only (`DATE|ORDINAL$`), so "2013-06-13 12:00" counts as a date; kept.
 */
const DATE = String.raw`(\d{4}-\d{2}-\d{2})|(\d{4}-\d{3})`;
const SECONDS = String.raw`(:(?<second>\d{2})(\.\d+)?)`;
const RAW_TIME = String.raw`(?<hour>\d{1,2})(:(?<minute>\d{2})${SECONDS}?)?`;
const AMPM = String.raw`am|pm|a\.m\.|p\.m\.|AM|PM|A\.M\.|P\.M\.`;
const TIMEZONE = String.raw`Z|[+-]\d{2}:?\d{2}?`;
const TIME = String.raw`(?<rawtime>${RAW_TIME})( ?(?<ampm>${AMPM}))?( ?(?<tz>${TIMEZONE}))?`;
const DATETIME = String.raw`(?<date>${DATE})(?<separator>[T ])(?<time>${TIME})`;

const DATETIME_FULL = new RegExp(`^(?:${DATETIME})$`);
const TIME_FULL = new RegExp(`^(?:${TIME})$`);
const DATE_START = /^(?:\d{4}-\d{2}-\d{2}|\d{4}-\d{3}$)/;
const TIMEZONE_START = new RegExp(String.raw`^(?:Z|[+-]\d{2}:?\d{2}?$)`);

/** `[value, date]`: the normalized value (null when the pattern found nothing) and the date it carries. */
export function datetimeValue(
  element: Element,
  context: ValueContext,
  defaultDate: string | null,
): [string | null, string | null] {
  const patterned = valueClassDatetime(element, context, defaultDate);
  if (patterned !== undefined) return patterned;
  const value =
    (['time', 'ins', 'del'].includes(element.name) ? element.attribs['datetime'] : undefined) ??
    (element.name === 'abbr' ? element.attribs['title'] : undefined) ??
    (['data', 'input'].includes(element.name) ? element.attribs['value'] : undefined) ??
    mfTextContent(element, {
      replaceImg: false,
      imgToSrc: true,
      baseUrl: context.baseUrl,
      budget: context.budget,
    });
  if (TIME_FULL.test(value) && defaultDate !== null) {
    return [normalizeDatetime(`${defaultDate} ${value}`), defaultDate];
  }
  const match = DATETIME_FULL.exec(value);
  return [normalizeDatetime(value), match?.groups?.['date'] ?? null];
}

function valueClassDatetime(
  element: Element,
  context: ValueContext,
  defaultDate: string | null,
): [string | null, string | null] | undefined {
  const children = valueChildren(element, context);
  if (children.length === 0) return undefined;
  const parts: string[] = [];
  for (const child of children) {
    let part: string | undefined;
    // mf2py reads `value-title` from the parent's title, not the child's; kept.
    if (context.view.classes(child).includes('value-title')) part = element.attribs['title'] || undefined;
    else if (child.name === 'img' || child.name === 'area')
      part = child.attribs['alt'] || plainText(child, context.budget);
    else if (child.name === 'data') part = child.attribs['value'] || plainText(child, context.budget);
    else if (child.name === 'abbr') part = child.attribs['title'] || plainText(child, context.budget);
    else if (['del', 'ins', 'time'].includes(child.name))
      part = child.attribs['datetime'] || plainText(child, context.budget);
    else part = plainText(child, context.budget);
    if (part) parts.push(pyStrip(part));
  }
  let date: string | null = null;
  let time: string | null = null;
  let timezone: string | null = null;
  for (const part of parts) {
    const full = DATETIME_FULL.exec(part);
    if (full !== null) return [normalizeDatetime(part), full.groups?.['date'] ?? null];
    if (TIME_FULL.test(part) && time === null) time = part;
    else if (DATE_START.test(part) && date === null) date = part;
    else if (TIMEZONE_START.test(part) && timezone === null) timezone = part;
  }
  date ??= defaultDate;
  let value = date !== null && time !== null ? `${date} ${time}` : (date ?? time);
  if (timezone !== null && value !== null) value += timezone;
  return [value === null ? null : normalizeDatetime(value), date];
}

/** mf2py's `normalize_datetime`: ordinal dates to calendar dates, 12-hour to 24-hour, minutes always present. */
export function normalizeDatetime(value: string): string {
  const match = DATETIME_FULL.exec(value);
  if (match === null) return value;
  const groups = match.groups as Record<string, string | undefined>;
  let date = groups['date'] as string;
  let hour = groups['hour'] as string;
  const minute = groups['minute'] ?? '00';
  const ampm = groups['ampm'];
  const ordinal = /^(\d{4})-(\d{3})$/.exec(date);
  if (ordinal !== null) {
    const day = new Date(Date.UTC(Number(ordinal[1]), 0, Number(ordinal[2])));
    if (day.getUTCFullYear() === Number(ordinal[1]) && Number(ordinal[2]) >= 1)
      date = day.toISOString().slice(0, 10);
  }
  if (ampm !== undefined) {
    const hours = Number(hour);
    if (/^a/i.test(ampm) && hours === 12) hour = '00';
    if (/^p/i.test(ampm) && hours < 12) hour = String(hours + 12);
  }
  let normalized = `${date}${groups['separator']}${hour}:${minute}`;
  if (groups['second'] !== undefined) normalized += `:${groups['second']}`;
  if (groups['tz'] !== undefined) normalized += groups['tz'];
  return normalized;
}
