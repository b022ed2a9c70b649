import { contentHash, InvalidInputError } from '../../core/index.js';
import { MODEL_KINDS, type ModelKind } from './types.js';

/**
 * Version folders are named `v<YYYYMMDD-HHMMSS>` in UTC, with `-2`, `-3`… when several versions are
 * created in the same second. Names sort by time, then by that suffix (numerically: `-10` after `-9`).
 */
const VERSION = /^v(\d{8})-(\d{6})(?:-([1-9]\d{0,5}))?$/;

export function versionName(at: Date, suffix = 1): string {
  const iso = at.toISOString(); // 2026-11-22T04:05:06.789Z
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
  return suffix === 1 ? `v${stamp}` : `v${stamp}-${suffix}`;
}

export function isVersionName(name: string): boolean {
  return VERSION.test(name);
}

/** Oldest first. */
export function compareVersions(a: string, b: string): number {
  const ma = VERSION.exec(a);
  const mb = VERSION.exec(b);
  if (!ma || !mb) return a < b ? -1 : a > b ? 1 : 0;
  const stamp = `${ma[1]}${ma[2]}`.localeCompare(`${mb[1]}${mb[2]}`);
  return stamp !== 0 ? stamp : Number(ma[3] ?? 1) - Number(mb[3] ?? 1);
}

export function checkKind(kind: string): ModelKind {
  if (!(MODEL_KINDS as readonly string[]).includes(kind))
    throw new InvalidInputError(
      'kind',
      `"${kind}" is not a model kind; the kinds are ${MODEL_KINDS.join(', ')}`,
    );
  return kind as ModelKind;
}

export function checkVersionName(version: string): string {
  if (!isVersionName(version))
    throw new InvalidInputError(
      'version',
      `"${version}" is not a version name; versions look like v20261122-040506 (see gleaner models list)`,
    );
  return version;
}

const MAX_NAME = 200;
const MAX_FOLDER = 120;

/**
 * The folder of a model name. Names are free text (a topic such as "running shoes"): unsafe characters
 * are percent-encoded, a leading dot too (no hidden or `..` folders), and a long name is cut and made
 * unique with a hash of the whole, to stay inside file-name limits. The real name is in each manifest.
 */
export function nameFolder(name: string): string {
  if (name.trim() === '' || name.length > MAX_NAME)
    throw new InvalidInputError('name', `a model name has 1 to ${MAX_NAME} characters, got ${name.length}`);
  const encoded = encodeURIComponent(name)
    .replace(/^\./, '%2E')
    .replace(/[*']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  if (encoded.length <= MAX_FOLDER) return encoded;
  return `${encoded.slice(0, MAX_FOLDER - 17).replace(/%[0-9A-F]?$/, '')}~${contentHash(name).slice(0, 16)}`;
}
