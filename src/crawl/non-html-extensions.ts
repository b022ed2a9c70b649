/**
 * File extensions that are never HTML pages: links to them are kept in the link graph but not fetched,
 * as Scrapy's link extractor does (IGNORED_EXTENSIONS). A URL without such an extension that still
 * serves a file is refused by the fetcher's content check instead.
 */
const NON_HTML_EXTENSIONS = new Set([
  // images
  'jpg',
  'jpeg',
  'png',
  'gif',
  'webp',
  'avif',
  'svg',
  'ico',
  'bmp',
  'tif',
  'tiff',
  'heic',
  'psd',
  'eps',
  // audio and video
  'mp3',
  'wav',
  'ogg',
  'oga',
  'flac',
  'aac',
  'm4a',
  'mp4',
  'm4v',
  'webm',
  'mov',
  'avi',
  'mkv',
  'wmv',
  'flv',
  'mpg',
  'mpeg',
  '3gp',
  // documents and data
  'pdf',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'ppt',
  'pptx',
  'odt',
  'ods',
  'odp',
  'rtf',
  'csv',
  'epub',
  // archives and binaries
  'zip',
  'gz',
  'tgz',
  'bz2',
  'xz',
  '7z',
  'rar',
  'tar',
  'exe',
  'msi',
  'dmg',
  'iso',
  'apk',
  'deb',
  'rpm',
  'bin',
  'jar',
  // feeds and data files
  'xml',
  'rss',
  'atom',
  'json',
  'txt',
  'yaml',
  'yml',
  // page resources
  'css',
  'js',
  'mjs',
  'woff',
  'woff2',
  'ttf',
  'otf',
  'eot',
  'map',
  'wasm',
]);

/** The extension of a URL's path when it names a file that is not a page; null otherwise. */
export function nonHtmlExtension(url: string): string | null {
  const path = url.replace(/[?#].*$/, '');
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  if (dot <= slash + 1 || dot < path.indexOf('//') + 2) return null;
  const extension = path.slice(dot + 1).toLowerCase();
  return NON_HTML_EXTENSIONS.has(extension) ? extension : null;
}
