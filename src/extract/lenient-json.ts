/**
 * JSON as pages actually write it in `<script type="application/ld+json">`: hand-edited templates with
 * comments, trailing commas, raw newlines inside strings, JavaScript escapes, `<!-- -->` and CDATA wrappers
 * left over from XHTML habits, several values one after another, or the whole block entity-encoded.
 * Strict parsing comes first (most blocks are valid, and it is the fastest path); repairs only run after.
 */
export type LenientJsonResult = { ok: true; values: unknown[] } | { ok: false; message: string };

const HEX4 = /^[0-9a-fA-F]{4}$/;
const HEX2 = /^[0-9a-fA-F]{2}$/;
const SIMPLE_ESCAPES = '"\\/bfnrt';
const ENTITY_ENCODED = /&(?:quot|#0*34|#x0*22);/i;
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(quot|amp|lt|gt|apos|nbsp));/g;
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  quot: '"',
  amp: '&',
  lt: '<',
  gt: '>',
  apos: "'",
  nbsp: '\u00a0',
};

export function parseLenientJson(text: string): LenientJsonResult {
  const first = parseRepaired(text);
  if (first.ok) return first;
  // A browser never decodes entities in a script, but some CMSs entity-encode the whole block
  // (`{&quot;@type&quot;: …}`); such a block is unusable as it stands, so decoding is the only reading.
  if (ENTITY_ENCODED.test(text)) {
    const decoded = parseRepaired(decodeEntities(text));
    if (decoded.ok) return decoded;
  }
  return first;
}

function parseRepaired(text: string): LenientJsonResult {
  try {
    return { ok: true, values: [JSON.parse(text)] };
  } catch {
    // fall through to the repairs
  }
  const repaired = repairJson(text);
  try {
    return { ok: true, values: [JSON.parse(repaired.text)] };
  } catch (error) {
    // Several top-level values (`{…}{…}`), or one followed by junk: keep the values that parse, in order,
    // up to the first that does not.
    const values: unknown[] = [];
    for (const segment of repaired.segments) {
      try {
        values.push(JSON.parse(segment));
      } catch {
        break;
      }
    }
    if (values.length > 0) return { ok: true, values };
    return { ok: false, message: (error as Error).message };
  }
}

interface RepairedJson {
  text: string;
  /** The top-level values found, each a slice of `text`. */
  segments: string[];
}

/**
 * One pass over the text, knowing at every character whether it is inside a string, so that nothing
 * inside a string value (a URL with `//`, HTML with `<!--`) is ever taken for a comment.
 */
function repairJson(text: string): RepairedJson {
  const out: string[] = [];
  let length = 0; // characters emitted so far, for segment boundaries
  const emit = (chunk: string): void => {
    out.push(chunk);
    length += chunk.length;
  };
  const bounds: number[] = [0];
  let depth = 0;
  let pendingComma = false;
  let i = 0;
  const n = text.length;

  while (i < n) {
    const c = text[i] as string;
    if (c === '"') {
      if (pendingComma) emit(',');
      pendingComma = false;
      i = copyString(text, i, emit);
      continue;
    }
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') {
      emit(c);
      i += 1;
      continue;
    }
    if (c === '\u00a0' || c === '\ufeff' || c === '\u2028' || c === '\u2029') {
      emit(' '); // whitespace to a reader, not to JSON.parse
      i += 1;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      i = skipLine(text, i);
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
      continue;
    }
    if (text.startsWith('<!--', i)) {
      i = skipHtmlComment(text, i);
      continue;
    }
    if (text.startsWith('-->', i) || text.startsWith(']]>', i)) {
      i += 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', i)) {
      i += 9;
      continue;
    }
    if (c === ',') {
      // Held back: a comma followed (after whitespace or comments) by `}` or `]` is dropped. At the top
      // level it only separates values, so it is dropped too.
      if (depth > 0) pendingComma = true;
      i += 1;
      continue;
    }
    if (c === ';' && depth === 0) {
      i += 1;
      continue;
    }
    if (c === '}' || c === ']') {
      pendingComma = false;
      emit(c);
      depth = Math.max(0, depth - 1);
      if (depth === 0) bounds.push(length);
      i += 1;
      continue;
    }
    if (pendingComma) emit(',');
    pendingComma = false;
    if (c === '{' || c === '[') {
      if (depth === 0 && bounds[bounds.length - 1] !== length) bounds.push(length);
      depth += 1;
    }
    emit(c);
    i += 1;
  }

  const repaired = out.join('');
  if (bounds[bounds.length - 1] !== length) bounds.push(length);
  const segments: string[] = [];
  for (let k = 1; k < bounds.length; k += 1) {
    const segment = repaired.slice(bounds[k - 1], bounds[k]).trim();
    if (segment !== '') segments.push(segment);
  }
  return { text: repaired, segments };
}

/** Copies the string starting at the quote at `start`, repairing it; returns the index after it. */
function copyString(text: string, start: number, emit: (chunk: string) => void): number {
  const n = text.length;
  let i = start + 1;
  let runStart = start; // the opening quote is copied with the first run
  while (i < n) {
    const c = text[i] as string;
    const code = c.charCodeAt(0);
    if (c === '"') {
      emit(text.slice(runStart, i + 1));
      return i + 1;
    }
    if (c !== '\\' && code >= 0x20) {
      i += 1;
      continue;
    }
    emit(text.slice(runStart, i));
    if (c === '\\') {
      const { replacement, next } = repairEscape(text, i);
      emit(replacement);
      i = next;
    } else {
      emit(escapeControl(c)); // a raw newline or tab inside a string: kept, as its escape
      i += 1;
    }
    runStart = i;
  }
  emit(text.slice(runStart)); // unterminated: left for JSON.parse to report
  return n;
}

function repairEscape(text: string, at: number): { replacement: string; next: number } {
  const e = text[at + 1];
  if (e === undefined) return { replacement: '\\\\', next: at + 1 };
  if (SIMPLE_ESCAPES.includes(e)) return { replacement: `\\${e}`, next: at + 2 };
  if (e === 'u' && HEX4.test(text.slice(at + 2, at + 6)))
    return { replacement: text.slice(at, at + 6), next: at + 6 };
  // JavaScript habits that JSON does not allow.
  if (e === 'x' && HEX2.test(text.slice(at + 2, at + 4)))
    return { replacement: `\\u00${text.slice(at + 2, at + 4)}`, next: at + 4 };
  if (e === "'") return { replacement: "'", next: at + 2 };
  if (e === '\n') return { replacement: '', next: at + 2 }; // line continuation
  if (e === '\r') return { replacement: '', next: text[at + 2] === '\n' ? at + 3 : at + 2 };
  // Most likely a literal backslash never escaped (a Windows path, a regular expression): keep it.
  return { replacement: '\\\\', next: at + 1 };
}

function escapeControl(c: string): string {
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

function skipLine(text: string, from: number): number {
  for (let i = from; i < text.length; i += 1) {
    if (text[i] === '\n' || text[i] === '\r') return i;
  }
  return text.length;
}

/**
 * `<!--` outside a string is either a comment line (`<!-- generated by X -->`: dropped whole) or a wrapper
 * around the JSON itself (`<!-- {…} -->`: only the marker dropped). A comment holding JSON punctuation is
 * taken for a wrapper.
 */
function skipHtmlComment(text: string, at: number): number {
  // One scan that stops at the first of `-->` or JSON punctuation, so that a page of repeated `<!--{`
  // stays linear instead of searching to the end of the text from every marker.
  for (let i = at + 4; i < text.length; i += 1) {
    const c = text[i];
    if (c === '{' || c === '[' || c === '"') return at + 4;
    if (c === '-' && text.startsWith('-->', i)) return i + 3;
  }
  return at + 4;
}

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (match, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name] ?? match;
    const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
  });
}
