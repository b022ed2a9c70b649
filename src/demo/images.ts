import type { DemoCatalog } from './catalog-types.js';
import { encodeBlockJpeg, type Rgb } from './jpeg.js';

/**
 * Every image path the site links or embeds, and how each looks. Product photos are a coloured disc
 * on a light background, the hue set by the leaf category and the shade by the product, so a photo
 * classifier has a real (if easy) signal to learn.
 */

const BACKGROUND: Rgb = [238, 236, 232];

function hueToRgb(hue: number, lightness: number): Rgb {
  // HSL with full saturation, enough to tell twenty categories apart.
  const c = (1 - Math.abs(2 * lightness - 1)) * 0.8;
  const h = (hue % 360) / 60;
  const x = c * (1 - Math.abs((h % 2) - 1));
  const [r, g, b] =
    h < 1
      ? [c, x, 0]
      : h < 2
        ? [x, c, 0]
        : h < 3
          ? [0, c, x]
          : h < 4
            ? [0, x, c]
            : h < 5
              ? [x, 0, c]
              : [c, 0, x];
  const m = lightness - c / 2;
  return [Math.round((r + m) * 255), Math.round((g + m) * 255), Math.round((b + m) * 255)];
}

function discJpeg(size: number, colour: Rgb): Buffer {
  const centre = (size - 1) / 2;
  const radius = size * 0.36;
  return encodeBlockJpeg(size, size, (bx, by) =>
    Math.hypot(bx - centre, by - centre) <= radius ? colour : BACKGROUND,
  );
}

function stripesJpeg(blocksWide: number, blocksHigh: number, colour: Rgb): Buffer {
  return encodeBlockJpeg(blocksWide, blocksHigh, (_bx, by) => (by % 4 < 2 ? colour : BACKGROUND));
}

/** Lazily built image bytes by path; an image is generated on first request and kept (they are small). */
export class ImageLibrary {
  readonly #makers = new Map<string, () => Buffer>();
  readonly #cache = new Map<string, Buffer>();

  constructor(catalog: DemoCatalog) {
    const leafIndex = new Map(catalog.categories.filter((c) => c.leaf).map((c, i) => [c.id, i]));
    const leafCount = Math.max(1, leafIndex.size);
    for (const product of catalog.products) {
      const hue = ((leafIndex.get(product.categoryId) ?? 0) * 360) / leafCount;
      const lightness = 0.35 + (Number(product.id) % 7) * 0.04;
      this.#makers.set(product.imagePath, () => discJpeg(8, hueToRgb(hue, lightness)));
    }
    catalog.categories.forEach((category, i) => {
      this.#makers.set(`/images/categories/${category.slug}.jpg`, () =>
        stripesJpeg(16, 4, hueToRgb(i * 37, 0.5)),
      );
    });
    catalog.articles.forEach((article, i) => {
      this.#makers.set(`/images/blog/${article.slug}.jpg`, () => stripesJpeg(12, 6, hueToRgb(i * 53, 0.45)));
    });
    const fixed: [string, () => Buffer][] = [
      ['/images/logo.jpg', () => stripesJpeg(20, 5, [32, 96, 64])],
      ['/images/og-default.jpg', () => stripesJpeg(16, 8, [32, 96, 64])],
      ['/images/banners/hero.jpg', () => stripesJpeg(24, 8, [180, 120, 60])],
      ['/images/banners/team.jpg', () => stripesJpeg(24, 10, [60, 90, 160])],
      ['/images/icons/search.jpg', () => discJpeg(2, [40, 40, 40])],
      ['/images/icons/cart.jpg', () => discJpeg(2, [40, 40, 40])],
      ['/images/icons/favicon.jpg', () => discJpeg(2, [32, 96, 64])],
    ];
    for (const [path, make] of fixed) this.#makers.set(path, make);
  }

  paths(): IterableIterator<string> {
    return this.#makers.keys();
  }

  get(path: string): Buffer | undefined {
    const cached = this.#cache.get(path);
    if (cached) return cached;
    const bytes = this.#makers.get(path)?.();
    if (bytes) this.#cache.set(path, bytes);
    return bytes;
  }
}
