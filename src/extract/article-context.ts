import type { TextBlock } from './article-blocks.js';
import { countWords } from './text.js';

/**
 * jusText's paragraph classification with context, over the blocks of the chosen container: a block is
 * good (a long run of prose), bad (mostly links: "Read more: …", related headlines), near-good (a short
 * sentence) or short (a label, a date, "You may also like…"); short and near-good blocks then take the
 * class of their neighbours, so that a subheading or a one-line paragraph between two paragraphs stays
 * and the labels around a list of related links, or a byline before the first paragraph, go.
 * Language-blind: lengths are counted in words (an ideograph is a word), not with stop-word lists.
 */

const GOOD = 0;
const BAD = 1;
const NEAR_GOOD = 2;
const SHORT = 3;
type BlockClass = typeof GOOD | typeof BAD | typeof NEAR_GOOD | typeof SHORT;

/** Words of a paragraph that reads as prose on its own. */
const GOOD_MIN_WORDS = 15;
/** Words of a short sentence, kept when prose is next to it. */
const NEAR_GOOD_MIN_WORDS = 5;
/** Above this share of its characters in links, a block is a link list or a teaser, not prose. */
const BAD_LINK_DENSITY = 0.5;
const GOOD_MAX_LINK_DENSITY = 0.3;
const PROSE_MAX_LINK_DENSITY = 0.8;
const SENTENCE_END = /[.!?。！？…:;)"'»”’]$/u;

export function reviseByContext(blocks: readonly TextBlock[], kept: readonly number[]): number[] {
  const classes = kept.map((i) => classify(blocks[i] as TextBlock));
  // With no prose anywhere (a list page, a poem), context has nothing to anchor on.
  if (!classes.includes(GOOD)) return kept.filter((_, k) => classes[k] !== BAD);
  const before = nearestDecided(classes, -1);
  const after = nearestDecided(classes, 1);
  const revised: BlockClass[] = classes.map((cls, k) => {
    if (cls === GOOD || cls === BAD) return cls;
    const previous = before[k] as BlockClass;
    const next = after[k] as BlockClass;
    if (previous === GOOD && next === GOOD) return GOOD;
    if (cls === NEAR_GOOD && (previous === GOOD || next === GOOD)) return GOOD;
    // A heading introduces what follows it.
    if ((blocks[kept[k] as number] as TextBlock).heading > 0 && next === GOOD) return GOOD;
    return BAD;
  });
  return kept.filter((_, k) => revised[k] === GOOD);
}

function classify(block: TextBlock): BlockClass {
  const density = block.chars > 0 ? block.linkChars / block.chars : 0;
  const words = countWords(block.text);
  if (density > BAD_LINK_DENSITY) {
    // Prose can be dense with links (a sentence citing its sources); a link list or a teaser is not prose.
    return words >= GOOD_MIN_WORDS && density <= PROSE_MAX_LINK_DENSITY && SENTENCE_END.test(block.text)
      ? NEAR_GOOD
      : BAD;
  }
  if (words >= GOOD_MIN_WORDS && density <= GOOD_MAX_LINK_DENSITY) return GOOD;
  if (words >= NEAR_GOOD_MIN_WORDS && SENTENCE_END.test(block.text)) return NEAR_GOOD;
  // A quotation's attribution ("— Name (@handle) date") belongs with the quotation.
  return block.inQuote && words > 0 ? NEAR_GOOD : SHORT;
}

/** For each block, the class of the nearest good or bad block that way; the edges count as bad. */
function nearestDecided(classes: readonly BlockClass[], step: 1 | -1): BlockClass[] {
  const nearest = new Array<BlockClass>(classes.length);
  let last: BlockClass = BAD;
  const first = step === 1 ? classes.length - 1 : 0;
  for (let k = first; k >= 0 && k < classes.length; k -= step) {
    nearest[k] = last;
    const cls = classes[k] as BlockClass;
    if (cls === GOOD || cls === BAD) last = cls;
  }
  return nearest;
}
