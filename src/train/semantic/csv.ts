/** One record of a CSV text: its fields and the line it starts on (1-based). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface CsvParse {
  records: CsvRecord[];
  /** Records that could not be read (an unterminated quote), with the line they start on. */
  errors: { line: number; message: string }[];
}

/**
 * RFC 4180 CSV: fields separated by commas, records by LF or CRLF; a field in double quotes may hold
 * commas, line breaks and doubled quotes (`""`). Blank lines are skipped. Lenient where it costs nothing:
 * spaces around a quoted field are dropped, and a quote inside an unquoted field is kept as written.
 */
export function parseCsv(text: string): CsvParse {
  const records: CsvRecord[] = [];
  const errors: CsvParse['errors'] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let line = 1;
  let at = 0;
  while (at < body.length) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let inQuotes = false;
    let ended = false;
    while (at < body.length && !ended) {
      const c = body[at]!;
      if (inQuotes) {
        if (c === '"') {
          if (body[at + 1] === '"') {
            field += '"';
            at += 2;
            continue;
          }
          inQuotes = false;
          at++;
          continue;
        }
        if (c === '\n') line++;
        field += c;
        at++;
        continue;
      }
      if (c === '"' && field.trim() === '' && !quoted) {
        quoted = true;
        inQuotes = true;
        field = '';
        at++;
      } else if (c === ',') {
        fields.push(quoted ? field : field.trim());
        field = '';
        quoted = false;
        at++;
      } else if (c === '\n' || c === '\r') {
        at += c === '\r' && body[at + 1] === '\n' ? 2 : 1;
        line++;
        ended = true;
      } else {
        // Text after a closing quote (`"a" b`) is kept; spaces there are not.
        if (!(quoted && c.trim() === '')) field += c;
        at++;
      }
    }
    if (inQuotes) {
      errors.push({ line: start, message: 'a quoted field is not closed (a " is missing)' });
      break;
    }
    fields.push(quoted ? field : field.trim());
    if (fields.length === 1 && fields[0] === '' && !quoted) continue;
    records.push({ line: start, fields });
  }
  return { records, errors };
}
