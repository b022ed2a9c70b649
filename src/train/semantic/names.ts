/** The model-store kind of semantic indexes, and the name used when a request names none. */
export const SEMANTIC_INDEX_KIND = 'semantic-index';
export const DEFAULT_SEMANTIC_INDEX_NAME = 'default';
export const SEMANTIC_MODES = ['smoke-test', 'build-index', 'build-index-feedback', 'full-train'] as const;
export type SemanticMode = (typeof SEMANTIC_MODES)[number];
