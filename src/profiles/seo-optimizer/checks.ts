import { lowerIsBetter } from '../scoring.js';
import type { SeoAttributes } from './spec.js';

/** One SEO check: its issue code when it fails, its weight, and a 0-1 score (null when it does not apply). */
export interface SeoCheck {
  issue: string;
  weight: number;
  score: number | null;
}

type Measured = Omit<SeoAttributes, 'issues' | 'checks'>;

const pass = (ok: boolean): number => (ok ? 1 : 0);

/** The checks of `SEO_QUALITY_RULE`, from the measured attributes; the quality score and `issues` read them. */
export function seoChecks(a: Measured): SeoCheck[] {
  const { meta_tags: meta, heading_structure: headings, mobile } = a;
  const hasImages = a.image_alt.images > 0;
  return [
    { issue: 'missing-title', weight: 10, score: pass(meta.title !== null) },
    {
      issue: 'title-length',
      weight: 5,
      score: meta.title === null ? 0 : pass(meta.titleLength >= 15 && meta.titleLength <= 70),
    },
    { issue: 'missing-description', weight: 8, score: pass(meta.description !== null) },
    {
      issue: 'description-length',
      weight: 4,
      score:
        meta.description === null ? 0 : pass(meta.descriptionLength >= 50 && meta.descriptionLength <= 170),
    },
    {
      issue: headings.h1Count === 0 ? 'no-h1' : 'multiple-h1',
      weight: 8,
      score: pass(headings.h1Count === 1),
    },
    { issue: 'skipped-heading-level', weight: 4, score: pass(headings.skippedLevels.length === 0) },
    { issue: 'missing-canonical', weight: 6, score: pass(a.canonical.present) },
    { issue: 'noindex', weight: 6, score: pass(meta.indexable) },
    { issue: 'no-structured-data', weight: 8, score: pass(a.structured_data.syntaxes.length > 0) },
    { issue: 'images-missing-alt', weight: 6, score: hasImages ? a.image_alt.coverage : null },
    { issue: 'few-internal-links', weight: 4, score: pass(a.internal_links.internal >= 3) },
    { issue: 'thin-content', weight: 8, score: Math.min(1, a.content.wordCount / 300) },
    { issue: 'missing-lang', weight: 3, score: pass(a.content.lang !== null) },
    { issue: 'no-responsive-viewport', weight: 6, score: pass(mobile.responsiveViewport) },
    { issue: 'missing-open-graph', weight: 3, score: pass(meta.openGraph) },
    {
      issue: 'invalid-hreflang',
      weight: 2,
      score: a.hreflang.length === 0 ? null : pass(a.hreflang.every((h) => h.lang !== '' && h.url !== '')),
    },
    {
      issue: 'small-tap-targets',
      weight: 5,
      score:
        mobile.tapTargets === null || mobile.smallTapTargets === null || mobile.tapTargets === 0
          ? null
          : lowerIsBetter(mobile.smallTapTargets / mobile.tapTargets, 0.1, 0.5),
    },
    {
      issue: 'horizontal-scroll',
      weight: 3,
      score: mobile.horizontalScroll === null ? null : pass(!mobile.horizontalScroll),
    },
    {
      issue: 'slow-load',
      weight: 6,
      score: a.load_time_ms === null ? null : lowerIsBetter(a.load_time_ms, 2500, 8000),
    },
  ];
}
