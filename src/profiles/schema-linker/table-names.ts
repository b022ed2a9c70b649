/** Entity names as written in pages (`line-item`, `BlogPosting`) → conventional table names (`line_items`). */

const IRREGULAR: Record<string, string> = {
  person: 'people',
  child: 'children',
  man: 'men',
  woman: 'women',
  mouse: 'mice',
  goose: 'geese',
  foot: 'feet',
  tooth: 'teeth',
  datum: 'data',
  criterion: 'criteria',
  leaf: 'leaves',
  life: 'lives',
  knife: 'knives',
  wife: 'wives',
  half: 'halves',
  shelf: 'shelves',
  wolf: 'wolves',
  quiz: 'quizzes',
  hero: 'heroes',
  potato: 'potatoes',
  tomato: 'tomatoes',
  echo: 'echoes',
};
const UNCOUNTABLE = new Set([
  'news',
  'series',
  'species',
  'sheep',
  'fish',
  'deer',
  'info',
  'information',
  'equipment',
  'media',
  'data',
  'metadata',
  'feedback',
  'inventory',
  'staff',
]);

/** The plural of one English word, for table names: category → categories, address → addresses. */
export function pluralize(word: string): string {
  const lower = word.toLowerCase();
  if (UNCOUNTABLE.has(lower)) return lower;
  const irregular = IRREGULAR[lower];
  if (irregular) return irregular;
  if (/is$/.test(lower)) return `${lower.slice(0, -2)}es`;
  if (/(ss|us|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  // Any other word ending in s (products, orders) is taken as a plural already.
  if (/s$/.test(lower)) return lower;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

/** The singular of a table name, for foreign-key columns: categories → category, people → person. */
export function singularize(table: string): string {
  const words = table.split('_');
  const last = words.pop() ?? '';
  const irregular = Object.entries(IRREGULAR).find(([, plural]) => plural === last)?.[0];
  const single = UNCOUNTABLE.has(last)
    ? last
    : (irregular ??
      (/yses$/.test(last)
        ? `${last.slice(0, -2)}is`
        : /ies$/.test(last)
          ? `${last.slice(0, -3)}y`
          : /(ss|x|z|ch|sh|us)es$/.test(last)
            ? last.slice(0, -2)
            : /ses$/.test(last)
              ? last.slice(0, -1)
              : last.replace(/s$/, '')));
  return [...words, single].join('_');
}

/** `line-item` or `lineItem` or `LineItem` → `line_items`: snake case, the last word made plural. */
export function tableFor(entity: string): string {
  const snake = entity
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
  const words = snake.split('_');
  const last = words.pop() ?? '';
  return [...words, pluralize(last)].join('_');
}
