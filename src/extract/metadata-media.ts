import type { Element } from 'domhandler';
import { sourceOf } from './images.js';
import { findDescendant, webUrl, type MetadataContext } from './metadata-context.js';
import { dimensionOf, isObject, listOf, textOf, urlOf } from './metadata-json-ld.js';

const VIDEO_EXTENSIONS: ReadonlySet<string> = new Set(
  ['3g2 3gp asf avi drc f4v flv m2v m3u8 m4v mkv mov', 'mp4 mpe mpeg mpg mpv mxf ogv qt rm rmvb vob webm wmv']
    .join(' ')
    .split(' '),
);
const AUDIO_EXTENSIONS: ReadonlySet<string> = new Set(
  [
    'aac aif aifc aiff amr ape au caf flac m4a m4b mid midi',
    'mka mp2 mp3 mpc mpga oga ogg opus ra wav weba wma',
  ]
    .join(' ')
    .split(' '),
);
/** Windows tile images: icons by another name. */
const TILE_IMAGE_METAS = [
  'msapplication-tileimage',
  'msapplication-square310x310logo',
  'msapplication-square150x150logo',
  'msapplication-wide310x150logo',
  'msapplication-square70x70logo',
] as const;
/** Images looked at for the image fallbacks: the representative one is near the top. */
const MAX_IMAGES_CONSIDERED = 200;
const WORD_SEPARATOR = /\s+/;
// A link to an audio file (the common extensions), the query and fragment aside.
const AUDIO_LINK = /\.(?:aac|aiff?|flac|m4a|m4b|mp3|mpga|oga|ogg|opus|wav|weba|wma)(?:[?#]|$)/i;
const SIZE_IN_TEXT = /(\d{1,4})\s*[x×]\s*(\d{1,4})/i;

type MediaKind = 'video' | 'audio';

/**
 * The file extension of an absolute URL's last path segment, lower-cased; '' when it has none (no dot, no
 * guess: `/edition/au` is not a Sun audio file). Read from the string: the URL is already resolved.
 */
export function extensionOf(url: string): string {
  let end = url.length;
  const query = url.indexOf('?');
  if (query !== -1) end = query;
  const hash = url.indexOf('#');
  if (hash !== -1 && hash < end) end = hash;
  const slash = url.lastIndexOf('/', end - 1);
  const dot = url.lastIndexOf('.', end - 1);
  // The dot must be inside the last segment, not its first character, and the path must have begun.
  return dot <= slash + 1 || slash < url.indexOf('//') + 2 ? '' : url.slice(dot + 1, end).toLowerCase();
}

function isMediaUrl(url: string, kind: MediaKind): boolean {
  return (kind === 'video' ? VIDEO_EXTENSIONS : AUDIO_EXTENSIONS).has(extensionOf(url));
}

/** A declared media type (`video/mp4`, `audio/mpeg`) of that kind. */
function isMediaType(type: string | null | undefined, kind: MediaKind): boolean {
  return type !== null && type !== undefined && type.trim().toLowerCase().startsWith(`${kind}/`);
}

/**
 * The page's representative image: OpenGraph (`og:image:secure_url`, `og:image:url`, `og:image`), the
 * Twitter card, `itemprop=image`, `rel=image_src`, the JSON-LD image or thumbnail of the main entity, then
 * the first image of the article, of the content, an author photo, or the page. Never an audio or video file.
 */
export function resolveImage(context: MetadataContext): string | null {
  const { metas, jsonLd, page } = context;
  const accept = (raw: string | null | undefined): string | null => {
    const url = webUrl(raw, context);
    return url !== null && !isMediaUrl(url, 'video') && !isMediaUrl(url, 'audio') ? url : null;
  };
  for (const key of [
    'og:image:secure_url',
    'og:image:url',
    'og:image',
    'twitter:image:src',
    'twitter:image',
    'image',
  ]) {
    const url = accept(metas.first(key));
    if (url !== null) return url;
  }
  for (const link of page.index.linkTags) {
    if (hasToken(link.attribs['rel'], 'image_src')) {
      const url = accept(link.attribs['href']);
      if (url !== null) return url;
    }
  }
  for (const node of jsonLd.primary) {
    for (const property of ['image', 'thumbnailUrl'] as const) {
      for (const item of listOf(node[property])) {
        const url = accept(urlOf(jsonLd.resolve(item)));
        if (url !== null) return url;
      }
    }
  }
  // One pass over the page's images, each one's ancestors walked once: the first in an `<article>`, the
  // first in `#content`, the first author photo, the first that is not hidden or a tracking pixel. A URL is
  // resolved only for an image that would fill a slot still empty.
  const found: (string | null)[] = [null, null, null, null];
  const images = page.index.images;
  for (let i = 0; i < images.length && i < MAX_IMAGES_CONSIDERED && found[0] === null; i += 1) {
    const image = images[i] as Element;
    const source = sourceOf(image);
    if (source === null) continue;
    let inArticle = false;
    let inContent = false;
    for (let node = image.parent; node !== null && !(inArticle && inContent); node = node.parent) {
      if (node.type !== 'tag') continue;
      const element = node as Element;
      if (element.name === 'article') inArticle = true;
      if (element.attribs['id'] === 'content') inContent = true;
    }
    const slots = [
      inArticle,
      inContent,
      /author/i.test(image.attribs['alt'] ?? ''),
      image.attribs['aria-hidden'] !== 'true' && !isTrackingPixel(image),
    ];
    if (!slots.some((fits, slot) => fits && found[slot] === null)) continue;
    const url = accept(source);
    if (url === null) continue;
    slots.forEach((fits, slot) => {
      if (fits) found[slot] ??= url;
    });
  }
  return found[0] ?? found[1] ?? found[2] ?? found[3] ?? null;
}

function isTrackingPixel(image: Element): boolean {
  const width = Number(image.attribs['width']);
  const height = Number(image.attribs['height']);
  return (width > 0 && width <= 2) || (height > 0 && height <= 2);
}

/**
 * The site's logo as a square mark, as metascraper reads it: `og:logo` and `itemprop=logo`, then a JSON-LD
 * publisher or organization logo given as square (a wide wordmark makes a poor logo), then the biggest
 * declared icon (apple-touch and Android icons and PNGs before JPEGs, SVGs and ICOs; square before not),
 * last a non-square JSON-LD logo. A logo whose dimensions are given and unequal is passed over at first.
 */
export function resolveLogo(context: MetadataContext): string | null {
  const { metas, signals } = context;
  const fromMeta = webUrl(metas.first('og:logo'), context);
  if (fromMeta !== null) return fromMeta;
  for (const element of signals.itemprops.get('logo') ?? []) {
    const url = microdataLogo(element, context);
    if (url !== null) return url;
  }
  const logos = jsonLdLogos(context);
  const square = logos.find((logo) => logo.square === true);
  if (square !== undefined) return square.url;
  const icon = biggestIcon(context);
  if (icon !== null) return icon;
  return logos[0]?.url ?? null;
}

function microdataLogo(element: Element, context: MetadataContext): string | null {
  const direct = element.attribs['content'] ?? element.attribs['src'] ?? element.attribs['href'];
  if (direct !== undefined) return webUrl(direct, context);
  if (element.attribs['itemscope'] === undefined) return null;
  // An ImageObject: its url, used when its size is not given or is square.
  let url: string | null = null;
  let width: number | null = null;
  let height: number | null = null;
  findDescendant(
    element,
    (candidate) => {
      const property = candidate.attribs['itemprop']?.toLowerCase();
      const value = candidate.attribs['content'] ?? candidate.attribs['src'] ?? candidate.attribs['href'];
      if (value === undefined) return false;
      if ((property === 'url' || property === 'contenturl') && url === null) url = webUrl(value, context);
      if (property === 'width') width = dimensionOf(value);
      if (property === 'height') height = dimensionOf(value);
      return false;
    },
    100,
  );
  return width !== null && height !== null && width !== height ? null : url;
}

interface JsonLdLogo {
  url: string;
  /** `true` when width and height are given and equal, `false` when given and not, `null` when not given. */
  square: boolean | null;
}

/** Logos of the page's publisher, of organizations and brands, in document order. */
function jsonLdLogos(context: MetadataContext): JsonLdLogo[] {
  const { jsonLd } = context;
  const holders: unknown[] = [];
  for (const node of jsonLd.primary) holders.push(...listOf(node['publisher']), ...listOf(node['brand']));
  for (const node of jsonLd.all) {
    if (node['logo'] !== undefined) holders.push(node);
  }
  const logos: JsonLdLogo[] = [];
  for (const holder of holders) {
    const resolved = jsonLd.resolve(holder);
    if (!isObject(resolved)) continue;
    for (const item of listOf(resolved['logo'])) {
      const logo = jsonLd.resolve(item);
      const url = webUrl(urlOf(logo), context);
      if (url === null || logos.some((known) => known.url === url)) continue;
      const width = isObject(logo) ? dimensionOf(logo['width']) : null;
      const height = isObject(logo) ? dimensionOf(logo['height']) : null;
      logos.push({ url, square: width === null || height === null ? null : width > 0 && width === height });
    }
  }
  return logos;
}

interface IconCandidate {
  url: string;
  square: boolean;
  priority: number;
  order: number;
}

/**
 * The declared icon most worth showing as a logo: `<link rel~=icon>` (icon, shortcut icon, apple-touch-icon,
 * fluid-icon, mask-icon…) and the Windows tile images. Size from `sizes` (else `size`, else an `NxN` in the
 * URL); weight by format; square ones first; document order breaks ties.
 */
function biggestIcon(context: MetadataContext): string | null {
  const candidates: IconCandidate[] = [];
  const consider = (raw: string | undefined, sizes: string | undefined) => {
    const url = webUrl(raw, context);
    if (url === null || url === context.page.url.href) return;
    const size = sizeOf(sizes) ?? sizeOf(SIZE_IN_TEXT.exec(url)?.[0]);
    const width = size?.width ?? 0;
    const square = size === null || size.width === size.height;
    candidates.push({
      url,
      square,
      priority: formatWeight(url) * Math.max(width, 1),
      order: candidates.length,
    });
  };
  for (const link of context.page.index.linkTags) {
    const rel = link.attribs['rel']?.toLowerCase();
    if (rel === undefined || !rel.includes('icon')) continue;
    consider(link.attribs['href'], link.attribs['sizes'] ?? link.attribs['size']);
  }
  for (const key of TILE_IMAGE_METAS) consider(context.metas.first(key) ?? undefined, undefined);
  candidates.sort(
    (a, b) => Number(b.square) - Number(a.square) || b.priority - a.priority || a.order - b.order,
  );
  return candidates[0]?.url ?? null;
}

function sizeOf(text: string | undefined): { width: number; height: number } | null {
  if (text === undefined) return null;
  const match = SIZE_IN_TEXT.exec(text);
  if (match === null) return null;
  return { width: Number(match[1]), height: Number(match[2]) };
}

/** Touch icons and PNGs render best at size; JPEGs next; SVGs and ICOs (often a 16-pixel favicon) last. */
function formatWeight(url: string): number {
  const lower = url.toLowerCase();
  if (lower.includes('apple') || lower.includes('android')) return 5;
  const extension = extensionOf(url);
  if (extension === 'png') return 5;
  if (extension === 'jpg' || extension === 'jpeg') return 4;
  if (extension === 'svg') return 3;
  if (extension === 'ico') return 2;
  return 1;
}

/** The page's main video file (a file a player can load, not a page embedding one). */
export function resolveVideo(context: MetadataContext): string | null {
  return resolveMedia(context, 'video');
}

/** The page's main audio file (a podcast episode, a song). */
export function resolveAudio(context: MetadataContext): string | null {
  return resolveMedia(context, 'audio');
}

/**
 * OpenGraph (`og:video:secure_url`…, with `og:video:type`), the Twitter player stream, JSON-LD media
 * objects' `contentUrl`, `<video>`/`<audio>` and their `<source>`s, and (audio only) links to audio files.
 * A URL counts when its extension or its declared type is of the kind: an `og:video` that is an HTML player
 * page is not a video file.
 */
function resolveMedia(context: MetadataContext, kind: MediaKind): string | null {
  const { metas, signals } = context;
  const accept = (raw: string | null | undefined, type?: string | null): string | null => {
    const url = webUrl(raw, context);
    return url !== null && (isMediaUrl(url, kind) || isMediaType(type, kind)) ? url : null;
  };
  const declaredType = metas.first(`og:${kind}:type`);
  for (const key of [`og:${kind}:secure_url`, `og:${kind}:url`, `og:${kind}`]) {
    for (const value of metas.all(key)) {
      const url = accept(value, declaredType);
      if (url !== null) return url;
    }
  }
  const stream = accept(
    metas.first('twitter:player:stream'),
    metas.first('twitter:player:stream:content_type'),
  );
  if (stream !== null) return stream;
  const fromJsonLd = jsonLdMedia(context, kind, accept);
  if (fromJsonLd !== null) return fromJsonLd;
  for (const element of signals.media) {
    const owner = element.name === 'source' ? (element.parent as Element).name : element.name;
    if (owner !== kind) continue;
    const url = accept(element.attribs['src'], element.attribs['type']);
    if (url !== null) return url;
  }
  if (kind === 'audio') {
    for (const anchor of signals.links) {
      const href = anchor.attribs['href'] as string; // the signals keep only links with an href
      if (!AUDIO_LINK.test(href)) continue;
      const url = accept(href, anchor.attribs['type']);
      if (url !== null) return url;
    }
  }
  return null;
}

/**
 * A media object's `contentUrl`, when its extension or its `encodingFormat` says it is of the kind: a
 * VideoObject's `contentUrl` is, on many news sites, the page that plays the video, not the video.
 */
function jsonLdMedia(
  context: MetadataContext,
  kind: MediaKind,
  accept: (raw: string | null | undefined, type?: string | null) => string | null,
): string | null {
  for (const node of context.jsonLd.all) {
    if (node['contentUrl'] === undefined) continue;
    const type = textOf(node['encodingFormat']);
    for (const item of listOf(node['contentUrl'])) {
      const url = accept(typeof item === 'string' ? item : urlOf(item), type);
      if (url !== null) return url;
    }
  }
  return null;
}

function hasToken(list: string | undefined, token: string): boolean {
  return list !== undefined && list.toLowerCase().split(WORD_SEPARATOR).includes(token);
}
