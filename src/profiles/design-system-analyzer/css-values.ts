/** Parsing the computed and declared CSS values the design-system profile tallies. */

/**
 * A computed colour as lower-case hex (`#rrggbb`, `#rrggbbaa` when translucent); null when fully
 * transparent. Values in other notations (`oklch(…)`, `color(…)`) are returned as written.
 */
export function colorToHex(value: string): string | null {
  const v = value.trim().toLowerCase();
  if (v === 'transparent' || v === '') return null;
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(v);
  if (rgb) {
    const alphaText = rgb[4];
    const alpha =
      alphaText === undefined
        ? 1
        : alphaText.endsWith('%')
          ? Number(alphaText.slice(0, -1)) / 100
          : Number(alphaText);
    if (alpha === 0) return null;
    const hex = (n: number) =>
      Math.max(0, Math.min(255, Math.round(n)))
        .toString(16)
        .padStart(2, '0');
    const base = `#${hex(Number(rgb[1]))}${hex(Number(rgb[2]))}${hex(Number(rgb[3]))}`;
    return alpha >= 1 ? base : `${base}${hex(alpha * 255)}`;
  }
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])([0-9a-f])?$/.exec(v);
  if (short) {
    const [, r, g, b, a] = short;
    const base = `#${r}${r}${g}${g}${b}${b}`;
    return a === undefined || a === 'f' ? base : `${base}${a}${a}`;
  }
  if (/^#[0-9a-f]{6}([0-9a-f]{2})?$/.test(v)) return v.endsWith('ff') && v.length === 9 ? v.slice(0, 7) : v;
  return NAMED_COLORS[v] ?? v;
}

// The named colours design tokens are commonly written with; the rest stay as written.
const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  gray: '#808080',
  grey: '#808080',
  silver: '#c0c0c0',
  navy: '#000080',
  orange: '#ffa500',
  yellow: '#ffff00',
  purple: '#800080',
  teal: '#008080',
};

/** Whether a declared value is a colour (hex, rgb/hsl/oklch… function, or a common name). */
export function isColor(value: string): boolean {
  const v = value.trim().toLowerCase();
  return (
    /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.test(v) ||
    /^(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/.test(v) ||
    v in NAMED_COLORS
  );
}

/** `12px` → 12 (rounded to 0.5 px); null for 0, `auto`, `normal`, percentages and other units. */
export function pixels(value: string): number | null {
  const match = /^(-?[\d.]+)px$/.exec(value.trim());
  if (!match) return null;
  const px = Math.round(Math.abs(Number(match[1])) * 2) / 2;
  return px > 0 && Number.isFinite(px) ? px : null;
}

/** The first family of a font stack, unquoted. */
export function firstFamily(stack: string): string {
  return (stack.split(',')[0] ?? '').trim().replace(/^["']|["']$/g, '');
}

/** What a custom property's value looks like: color, length, shadow, font, number or other. */
export function valueKind(value: string): string {
  const v = value.trim();
  if (isColor(v)) return 'color';
  if (/^-?[\d.]+(px|rem|em|%|vh|vw|ch|ex|pt)$/.test(v)) return 'length';
  if (/^-?[\d.]+$/.test(v)) return 'number';
  if (/(^|\s)(inset\s+)?-?[\d.]+(px)?\s+-?[\d.]+(px)?\s+[\d.]+px/.test(v)) return 'shadow';
  if (/,|serif|sans-serif|monospace|system-ui/.test(v)) return 'font';
  return 'other';
}
